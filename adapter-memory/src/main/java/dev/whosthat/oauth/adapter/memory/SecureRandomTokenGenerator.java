package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.TokenGenerator;
import dev.whosthat.oauth.domain.token.TokenValue;
import java.security.SecureRandom;
import java.util.Base64;

/** Tokens of 256 bits and ids of 128 bits from the platform's {@link SecureRandom}, base64url. */
public final class SecureRandomTokenGenerator implements TokenGenerator {

    private static final int TOKEN_BYTES = 32;
    private static final int ID_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public SecureRandomTokenGenerator() {
        this(new SecureRandom());
    }

    public SecureRandomTokenGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public TokenValue newToken() {
        return new TokenValue(randomBase64Url(TOKEN_BYTES));
    }

    @Override
    public String newId() {
        return randomBase64Url(ID_BYTES);
    }

    private String randomBase64Url(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }
}
