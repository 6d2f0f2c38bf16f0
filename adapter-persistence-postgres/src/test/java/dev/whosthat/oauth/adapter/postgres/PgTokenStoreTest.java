package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.port.TokenStoreContract;

class PgTokenStoreTest extends TokenStoreContract {

    @Override
    protected TokenStore store() {
        return PgTestDatabase.storage().tokens();
    }
}
