package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.port.ConsentStoreContract;

class InMemoryConsentStoreTest extends ConsentStoreContract {

    @Override
    protected ConsentStore store() {
        return new InMemoryConsentStore();
    }
}
