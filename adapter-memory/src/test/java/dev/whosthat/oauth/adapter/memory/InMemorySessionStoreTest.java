package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.port.SessionStoreContract;

class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore store() {
        return new InMemorySessionStore();
    }
}
