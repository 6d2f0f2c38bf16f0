package dev.whosthat.oauth.adapter.http.token;

import dev.whosthat.oauth.adapter.http.support.Form;
import dev.whosthat.oauth.application.token.GrantRequest;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.code.CodeVerifier;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.TokenValue;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Optional;
import java.util.function.Function;

/** Turns the grant parameters of a token request (RFC 6749 §4.1.3, §4.3.2, §4.4.2, §6) into a {@link GrantRequest}. */
final class TokenRequestParser {

    private TokenRequestParser() {
    }

    static Outcome<GrantRequest> parse(Form form) {
        Optional<String> grantType = form.get("grant_type");
        if (grantType.isEmpty()) {
            return invalidRequest("grant_type is missing");
        }
        Optional<GrantType> known = GrantType.fromWire(grantType.get());
        if (known.isEmpty()) {
            return Outcome.rejected(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, "grant_type is not supported");
        }
        return Scope.parse(form.get("scope").orElse("")).flatMap(scope -> switch (known.get()) {
            case CLIENT_CREDENTIALS -> Outcome.ok(new GrantRequest.ClientCredentials(scope));
            case PASSWORD -> password(form, scope);
            case REFRESH_TOKEN -> refresh(form, scope);
            case AUTHORIZATION_CODE -> authorizationCode(form);
        });
    }

    private static Outcome<GrantRequest> password(Form form, Scope scope) {
        return required(form, "username", Username::isValid, Username::new)
                .flatMap(username -> required(form, "password", p -> p.length() <= Password.MAX_LENGTH, Password::new)
                        .map(password -> new GrantRequest.ResourceOwnerPassword(username, password, scope)));
    }

    private static Outcome<GrantRequest> refresh(Form form, Scope scope) {
        Optional<String> presented = form.get("refresh_token");
        if (presented.isEmpty()) {
            return invalidRequest("refresh_token is missing");
        }
        // A value that cannot be one of ours is simply an invalid grant, like any unknown token.
        return TokenValue.parse(presented.get())
                .<Outcome<GrantRequest>>map(token -> Outcome.ok(new GrantRequest.Refresh(token, scope)))
                .orElseGet(() -> Outcome.rejected(OAuthErrorCode.INVALID_GRANT, "refresh token is invalid, expired or revoked"));
    }

    /** RFC 6749 §4.1.3, RFC 7636 §4.5; a malformed code is just an invalid one. */
    private static Outcome<GrantRequest> authorizationCode(Form form) {
        Optional<String> code = form.get("code");
        if (code.isEmpty()) {
            return invalidRequest("code is missing");
        }
        Optional<String> verifier = form.get("code_verifier");
        if (verifier.isPresent() && CodeVerifier.parse(verifier.get()).isEmpty()) {
            return invalidRequest("code_verifier is malformed");
        }
        return TokenValue.parse(code.get())
                .<Outcome<GrantRequest>>map(value -> Outcome.ok(new GrantRequest.AuthorizationCode(value,
                        form.get("redirect_uri"), verifier.flatMap(CodeVerifier::parse))))
                .orElseGet(() -> Outcome.rejected(OAuthErrorCode.INVALID_GRANT, "authorization code is invalid, expired or already used"));
    }

    private static <T> Outcome<T> required(Form form, String name, java.util.function.Predicate<String> valid,
                                           Function<String, T> construct) {
        Optional<String> value = form.get(name);
        if (value.isEmpty()) {
            return invalidRequest(name + " is missing");
        }
        if (!valid.test(value.get())) {
            return invalidRequest(name + " is malformed");
        }
        return Outcome.ok(construct.apply(value.get()));
    }

    private static <T> Outcome<T> invalidRequest(String description) {
        return Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, description);
    }
}
