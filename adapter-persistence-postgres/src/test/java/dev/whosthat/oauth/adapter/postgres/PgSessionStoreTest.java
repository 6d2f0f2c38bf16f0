package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.port.SessionStoreContract;

class PgSessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore store() {
        return PgTestDatabase.storage().sessions();
    }
}
