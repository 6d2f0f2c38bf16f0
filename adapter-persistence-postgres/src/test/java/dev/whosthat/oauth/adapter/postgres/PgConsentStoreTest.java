package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.port.ConsentStoreContract;

class PgConsentStoreTest extends ConsentStoreContract {

    @Override
    protected ConsentStore store() {
        return PgTestDatabase.storage().consents();
    }
}
