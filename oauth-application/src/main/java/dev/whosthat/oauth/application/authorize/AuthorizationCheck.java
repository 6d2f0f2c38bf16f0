package dev.whosthat.oauth.application.authorize;

import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.error.OAuthError;
import java.util.Optional;

/** What the authorization endpoint may do with a request. */
public sealed interface AuthorizationCheck {

    /**
     * The client or the redirect URI cannot be trusted: show the user an error and never redirect
     * (RFC 6749 §4.1.2.1, no open redirector).
     */
    record Untrusted(OAuthError error) implements AuthorizationCheck {
    }

    /** Any other failure goes back to the client's verified redirect URI (§4.1.2.1). */
    record Refused(RedirectUri redirectUri, OAuthError error, Optional<String> state) implements AuthorizationCheck {
    }

    record Valid(AuthorizationRequest request) implements AuthorizationCheck {
    }
}
