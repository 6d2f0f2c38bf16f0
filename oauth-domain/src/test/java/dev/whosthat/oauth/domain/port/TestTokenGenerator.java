package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.token.TokenValue;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A {@link TokenGenerator} for tests, with the production shape (256-bit tokens, 128-bit ids,
 * base64url without padding). The domain test-jar cannot see the memory adapter's generator.
 */
public final class TestTokenGenerator implements TokenGenerator {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();

    @Override
    public TokenValue newToken() {
        return new TokenValue(randomBase64Url(32));
    }

    @Override
    public String newId() {
        return randomBase64Url(16);
    }

    private String randomBase64Url(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }
}
