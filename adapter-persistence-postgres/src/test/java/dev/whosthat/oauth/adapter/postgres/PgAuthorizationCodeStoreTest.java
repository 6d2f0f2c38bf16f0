package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStoreContract;

class PgAuthorizationCodeStoreTest extends AuthorizationCodeStoreContract {

    @Override
    protected AuthorizationCodeStore store() {
        return PgTestDatabase.storage().codes();
    }
}
