package dev.whosthat.oauth.application.token;

import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.code.CodeVerifier;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.TokenValue;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Objects;
import java.util.Optional;

/**
 * The grant-specific part of a token request (RFC 6749 §4, §6), parsed. A new grant type is a new
 * record here, a new constant in {@link GrantType} and a new branch in {@link RequestToken}.
 */
public sealed interface GrantRequest {

    GrantType type();

    /** The scope asked for; empty when the request had no {@code scope} parameter. */
    Scope scope();

    /** RFC 6749 §4.4.2 */
    record ClientCredentials(Scope scope) implements GrantRequest {
        public ClientCredentials {
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public GrantType type() {
            return GrantType.CLIENT_CREDENTIALS;
        }
    }

    /** RFC 6749 §4.3.2 */
    record ResourceOwnerPassword(Username username, Password password, Scope scope) implements GrantRequest {
        public ResourceOwnerPassword {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public GrantType type() {
            return GrantType.PASSWORD;
        }
    }

    /** RFC 6749 §4.1.3, RFC 7636 §4.5 */
    record AuthorizationCode(TokenValue code, Optional<String> redirectUri, Optional<CodeVerifier> verifier)
            implements GrantRequest {
        public AuthorizationCode {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(verifier, "verifier");
        }

        @Override
        public GrantType type() {
            return GrantType.AUTHORIZATION_CODE;
        }

        /** The scope comes from the code, never from the token request. */
        @Override
        public Scope scope() {
            return Scope.EMPTY;
        }
    }

    /** RFC 6749 §6 */
    record Refresh(TokenValue refreshToken, Scope scope) implements GrantRequest {
        public Refresh {
            Objects.requireNonNull(refreshToken, "refreshToken");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public GrantType type() {
            return GrantType.REFRESH_TOKEN;
        }
    }
}
