package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.port.ClientRepositoryContract;

class InMemoryClientRepositoryTest extends ClientRepositoryContract {

    @Override
    protected ClientRepository repository() {
        return new InMemoryClientRepository();
    }
}
