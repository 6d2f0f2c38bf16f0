package dev.whosthat.oauth.domain.token;

import java.util.Objects;
import java.util.Optional;

/**
 * What one successful token request yields: an access token, and a refresh token where due.
 *
 * @param opensGrant the response opens its grant: the grant's id was made for it and is known to no
 *     one until the response is sent (a client credentials or password grant, unlike an
 *     authorization code's grant, whose id the code carried earlier). Nothing can then revoke the
 *     grant while its tokens are being stored, and a store may save them without guarding against that.
 */
public record IssuedTokens(Minted<AccessToken> access, Optional<Minted<RefreshToken>> refresh, boolean opensGrant) {

    public IssuedTokens {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(refresh, "refresh");
    }

    /** Tokens of a grant that may be known before they are stored. */
    public IssuedTokens(Minted<AccessToken> access, Optional<Minted<RefreshToken>> refresh) {
        this(access, refresh, false);
    }

    /** The same tokens, as the ones that open their grant (see {@link #opensGrant}). */
    public IssuedTokens openingTheirGrant() {
        return new IssuedTokens(access, refresh, true);
    }

    public GrantId grant() {
        return access.token().grant();
    }
}
