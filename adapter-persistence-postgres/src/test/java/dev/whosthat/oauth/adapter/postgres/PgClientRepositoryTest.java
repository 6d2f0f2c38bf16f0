package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.port.ClientRepositoryContract;

class PgClientRepositoryTest extends ClientRepositoryContract {

    @Override
    protected ClientRepository repository() {
        return PgTestDatabase.storage().clients();
    }
}
