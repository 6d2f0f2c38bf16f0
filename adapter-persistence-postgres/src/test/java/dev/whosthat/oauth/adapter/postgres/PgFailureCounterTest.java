package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.FailureCounter;
import dev.whosthat.oauth.domain.port.FailureCounterContract;

class PgFailureCounterTest extends FailureCounterContract {

    @Override
    protected FailureCounter counter() {
        return PgTestDatabase.storage().failures();
    }
}
