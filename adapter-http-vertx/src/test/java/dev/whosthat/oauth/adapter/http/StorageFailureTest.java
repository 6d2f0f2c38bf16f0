package dev.whosthat.oauth.adapter.http;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.TestServer.ALICE;
import static dev.whosthat.oauth.adapter.http.TestServer.ALICE_PASSWORD;
import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.whosthat.oauth.adapter.http.support.FailureHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A use case whose storage fails: the client learns only that the server failed and which incident
 * to quote; the details go to the log under the same incident id.
 */
class StorageFailureTest {

    @RegisterExtension
    static final TestServer server = new TestServer(clock -> new UnavailableTokenStore());

    private static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f]{12})");

    private final Logger log = (Logger) LoggerFactory.getLogger(FailureHandler.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheLog() {
        logged.start();
        log.addAppender(logged);
        // The faults are expected here: keep their stack traces off the console.
        log.setAdditive(false);
    }

    @AfterEach
    void releaseTheLog() {
        log.detachAppender(logged);
        log.setAdditive(true);
    }

    private void assertServerErrorWithLoggedIncident(Reply reply) {
        assertOAuthError(reply, 500, "server_error");
        assertThat(reply.header("Cache-Control")).hasValue("no-store");
        assertThat(reply.json().size()).as(reply.body()).isEqualTo(2);
        String description = reply.text("error_description");
        Matcher incident = INCIDENT.matcher(description);
        assertThat(incident.find()).as(description).isTrue();
        // Nothing of the fault itself: no exception text, class names or stack frames.
        assertThat(reply.body())
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("dev.whosthat")
                .doesNotContain("Connection refused")
                .doesNotContain("10.0.0.7")
                .doesNotContain("\tat ");
        List<ILoggingEvent> events = logged.list;
        assertThat(events).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(incident.group(1));
            assertThat(causeMessages(event.getThrowableProxy())).contains(UnavailableTokenStore.FAULT);
        });
    }

    /** The messages of a logged throwable and its causes (a stage may wrap the fault once more). */
    private static List<String> causeMessages(IThrowableProxy thrown) {
        List<String> messages = new ArrayList<>();
        for (IThrowableProxy t = thrown; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        return messages;
    }

    @Test
    void tokenRequestWhoseStorageFailsIsServerErrorWithIncidentId() {
        assertServerErrorWithLoggedIncident(server.token(BASIC, "grant_type", "client_credentials"));
    }

    @Test
    void passwordGrantWhoseStorageFailsIsServerError() {
        assertServerErrorWithLoggedIncident(
                server.token(BASIC, "grant_type", "password", "username", ALICE, "password", ALICE_PASSWORD));
    }

    @Test
    void refreshWhoseStorageFailsIsServerError() {
        assertServerErrorWithLoggedIncident(
                server.token(BASIC, "grant_type", "refresh_token", "refresh_token", "E".repeat(43)));
    }

    @Test
    void introspectionWhoseStorageFailsIsServerError() {
        assertServerErrorWithLoggedIncident(server.introspect(BASIC, "E".repeat(43)));
    }

    @Test
    void revocationWhoseStorageFailsIsServerError() {
        assertServerErrorWithLoggedIncident(server.revoke(BASIC, "E".repeat(43)));
    }

    @Test
    void bearerValidationWhoseStorageFailsIsServerError() {
        Reply reply = server.me("E".repeat(43));

        assertServerErrorWithLoggedIncident(reply);
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void eachIncidentHasItsOwnId() {
        String first = server.token(BASIC, "grant_type", "client_credentials").text("error_description");
        String second = server.token(BASIC, "grant_type", "client_credentials").text("error_description");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void failuresBeforeStorageIsReachedAreStillProtocolErrors() {
        // Client authentication does not touch the token store, so a wrong secret is still invalid_client.
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials"),
                "Authorization", BASIC.basicWithSecret("not-the-secret-0123456789abcdefghijklmnop"));

        assertOAuthError(reply, 401, "invalid_client");
    }
}
