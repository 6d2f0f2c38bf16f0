package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.port.UserRepositoryContract;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository repository() {
        return new InMemoryUserRepository();
    }
}
