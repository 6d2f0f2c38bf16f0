package dev.whosthat.oauth.bootstrap.bench;

import dev.whosthat.oauth.adapter.memory.InMemoryTokenStore;
import dev.whosthat.oauth.adapter.memory.SecureRandomTokenGenerator;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.token.TokenMinter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Heap bytes per live access token in the memory store, as the client credentials grant stores
 * them: fill the store with N tokens and divide the growth of the live heap (after full GCs) by N.
 * Not a test: run by bootstrap/bench/run.sh.
 */
public final class TokenHeapFootprint {

    private TokenHeapFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args.length > 0 ? args[0] : "1000000");
        Clock clock = Clock.systemUTC();
        TokenMinter minter = new TokenMinter(new SecureRandomTokenGenerator(), TokenLifetimes.DEFAULTS);
        ClientId client = new ClientId("bench-client");
        Scope scope = Scope.of("read", "write");
        InMemoryTokenStore store = new InMemoryTokenStore(clock);

        long before = liveHeap();
        Instant now = clock.instant();
        for (int i = 0; i < count; i++) {
            store.save(minter.accessOnly(minter.newGrant(now), client, Optional.empty(), scope, now)).toCompletableFuture().join();
        }
        long after = liveHeap();
        System.out.printf("tokens=%d heap_bytes_per_token=%d%n", count, (after - before) / count);
        // Keep the store reachable until after the measurement.
        System.out.println(store.sweepExpired(Instant.EPOCH, 1).toCompletableFuture().join() >= 0 ? "ok" : "");
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
