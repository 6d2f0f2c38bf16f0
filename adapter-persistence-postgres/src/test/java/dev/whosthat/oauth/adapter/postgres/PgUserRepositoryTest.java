package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.port.UserRepositoryContract;

class PgUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository repository() {
        return PgTestDatabase.storage().users();
    }
}
