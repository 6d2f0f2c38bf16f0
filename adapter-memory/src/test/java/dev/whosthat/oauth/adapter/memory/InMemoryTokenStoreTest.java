package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.TestTokens;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.port.TokenStoreContract;
import java.time.Clock;
import java.time.ZoneOffset;

class InMemoryTokenStoreTest extends TokenStoreContract {

    @Override
    protected TokenStore store() {
        return new InMemoryTokenStore(Clock.fixed(TestTokens.T0, ZoneOffset.UTC));
    }
}
