package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.FailureCounter;
import dev.whosthat.oauth.domain.port.FailureCounterContract;

class InMemoryFailureCounterTest extends FailureCounterContract {

    @Override
    protected FailureCounter counter() {
        return new InMemoryFailureCounter();
    }
}
