package dev.whosthat.oauth.domain.token;

import java.util.Objects;
import java.util.Optional;

/** What one successful token request yields: an access token, and a refresh token where due. */
public record IssuedTokens(Minted<AccessToken> access, Optional<Minted<RefreshToken>> refresh) {

    public IssuedTokens {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(refresh, "refresh");
    }

    public GrantId grant() {
        return access.token().grant();
    }
}
