package dev.whosthat.oauth.bootstrap.postgres;

import static dev.whosthat.oauth.bootstrap.postgres.Http.active;
import static dev.whosthat.oauth.bootstrap.postgres.Http.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.bootstrap.OAuthServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two server nodes on one PostgreSQL database behave as one server (DESIGN.md decision 5). */
class TwoNodesTest {

    private final Deployment app = Deployment.unique();
    private OAuthServer a;
    private OAuthServer b;

    @BeforeEach
    void startTwoNodes() throws Exception {
        String database = TestPostgres.sharedUri();
        a = app.startNode(database);
        b = app.startNode(database);
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (OAuthServer node : new OAuthServer[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void tokenIssuedOnOneNodeIsValidIntrospectableAndRevocableOnTheOther() {
        HttpResponse<String> issued = Http.passwordGrant(a.port(), app);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String access = field(issued, "access_token");

        assertThat(Http.me(b.port(), access).statusCode()).isEqualTo(200);
        assertThat(field(Http.me(b.port(), access), "username")).isEqualTo(app.username());
        assertThat(active(b.port(), app, access)).isTrue();

        assertThat(Http.revoke(b.port(), app, access).statusCode()).isEqualTo(200);

        assertThat(active(a.port(), app, access)).isFalse();
        assertThat(Http.me(a.port(), access).statusCode()).isEqualTo(401);
    }

    @Test
    void refreshRotationAndReuseDetectionHoldAcrossNodes() {
        HttpResponse<String> issued = Http.passwordGrant(a.port(), app);
        String firstRefresh = field(issued, "refresh_token");

        HttpResponse<String> rotated = Http.refresh(b.port(), app, firstRefresh);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String secondAccess = field(rotated, "access_token");
        String secondRefresh = field(rotated, "refresh_token");
        assertThat(active(a.port(), app, secondAccess)).isTrue();

        // RFC 9700 §4.14.2: the rotated token comes back, on the other node: the whole grant goes.
        HttpResponse<String> replay = Http.refresh(a.port(), app, firstRefresh);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(field(replay, "error")).isEqualTo("invalid_grant");

        assertThat(Http.refresh(b.port(), app, secondRefresh).statusCode()).isEqualTo(400);
        assertThat(active(b.port(), app, secondAccess)).isFalse();
        assertThat(Http.me(a.port(), secondAccess).statusCode()).isEqualTo(401);
    }

    @Test
    void concurrentRefreshesOfOneTokenOnBothNodesSucceedOnce() throws Exception {
        String refresh = field(Http.passwordGrant(a.port(), app), "refresh_token");
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int port = (i % 2 == 0 ? a : b).port();
                statuses.add(pool.submit(() -> {
                    go.await();
                    return Http.refresh(port, app, refresh).statusCode();
                }));
            }
            go.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get(30, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(s -> s == 200).hasSize(1);
            assertThat(results).filteredOn(s -> s == 400).hasSize(requests - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void codeIssuedOnOneNodeIsRedeemedOnTheOtherOnce() {
        CodeFlow flow = new CodeFlow(app);
        // Signed in on B, consent shown by A and given on B: sessions and consents are shared too.
        String code = flow.codeAcross(a.port(), b.port());

        HttpResponse<String> exchanged = flow.exchange(a.port(), code);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        String access = field(exchanged, "access_token");
        assertThat(Http.me(b.port(), access).statusCode()).isEqualTo(200);

        // RFC 6749 §4.1.2: the code replayed on the other node is refused and its tokens are revoked.
        HttpResponse<String> replay = flow.exchange(b.port(), code);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(field(replay, "error")).isEqualTo("invalid_grant");
        assertThat(Http.me(a.port(), access).statusCode()).isEqualTo(401);
    }
}
