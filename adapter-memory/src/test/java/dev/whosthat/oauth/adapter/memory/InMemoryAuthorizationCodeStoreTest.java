package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStoreContract;

class InMemoryAuthorizationCodeStoreTest extends AuthorizationCodeStoreContract {

    @Override
    protected AuthorizationCodeStore store() {
        return new InMemoryAuthorizationCodeStore();
    }
}
