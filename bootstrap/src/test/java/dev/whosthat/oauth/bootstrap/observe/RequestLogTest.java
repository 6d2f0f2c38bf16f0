package dev.whosthat.oauth.bootstrap.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.whosthat.oauth.bootstrap.config.MetricsSettings;
import dev.whosthat.oauth.domain.audit.SecurityEvent;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The access log (one line per request, without secrets) and the audit log, as logback receives them. */
class RequestLogTest {

    private OpsServer ops;

    @AfterEach
    void stop() throws Exception {
        if (ops != null) {
            ops.close();
        }
    }

    @Test
    void oneLinePerRequestWithMethodPathStatusDurationAndClient() throws Exception {
        ops = OpsServer.start(MetricsSettings.MAIN_LISTENER);
        try (CapturedLog access = CapturedLog.of(AccessLog.LOGGER)) {
            assertThat(ops.passwordGrant().statusCode()).isEqualTo(200);

            assertThat(access.await(1)).hasSize(1);
            ILoggingEvent line = access.events.get(0);
            Map<String, String> fields = CapturedLog.pairs(line);
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(fields).containsEntry("method", "POST").containsEntry("path", "/oauth2/token")
                    .containsEntry("status", "200").containsEntry("client_id", OpsServer.CLIENT_ID)
                    .containsEntry("endpoint", "token").containsEntry("outcome", "ok").containsKey("duration_ms");
            assertThat(Long.parseLong(fields.get("duration_ms"))).isNotNegative();
            assertThat(line.getFormattedMessage()).startsWith("POST /oauth2/token 200 ");
        }
    }

    @Test
    void secretsAndTokensNeverReachTheAccessLog() throws Exception {
        ops = OpsServer.start(MetricsSettings.MAIN_LISTENER);
        try (CapturedLog access = CapturedLog.of(AccessLog.LOGGER)) {
            String access1 = OpsServer.field(ops.passwordGrant(), "access_token");
            ops.post("/oauth2/introspect", OpsServer.CLIENT_ID, OpsServer.SECRET, "token=" + access1);
            ops.token(OpsServer.CLIENT_ID, "wrong-secret-value", "grant_type=client_credentials");
            // Secrets in a query string: the path is logged without it.
            ops.get("/oauth2/authorize?client_id=ops-client&state=state-secret-123&code_challenge=challenge-secret-456&password="
                    + OpsServer.PASSWORD);
            ops.get("/api/me?access_token=" + access1);

            assertThat(access.await(5)).hasSize(5);
            assertThat(access.everything()).doesNotContain(access1).doesNotContain(OpsServer.SECRET)
                    .doesNotContain("wrong-secret-value").doesNotContain(OpsServer.PASSWORD).doesNotContain("state-secret-123")
                    .doesNotContain("challenge-secret-456").doesNotContain("?");
            assertThat(access.events).extracting(event -> CapturedLog.pairs(event).get("path"))
                    .contains("/oauth2/authorize", "/api/me");
        }
    }

    @Test
    void probesAreLoggedAtDebugOnly() throws Exception {
        ops = OpsServer.start(MetricsSettings.MAIN_LISTENER);
        try (CapturedLog access = CapturedLog.of(AccessLog.LOGGER)) {
            ops.get("/health/ready");
            ops.get("/metrics");
            ops.get("/.well-known/oauth-authorization-server");

            assertThat(access.await(1)).extracting(event -> CapturedLog.pairs(event).get("endpoint")).containsExactly("metadata");
        }
    }

    @Test
    void securityEventsOfRealRequestsReachTheAuditLogWithoutSecrets() throws Exception {
        ops = OpsServer.start(MetricsSettings.MAIN_LISTENER);
        try (CapturedLog audit = CapturedLog.of(AuditLog.LOGGER)) {
            String token = OpsServer.field(ops.passwordGrant(), "access_token");
            ops.token(OpsServer.CLIENT_ID, "wrong-secret-value", "grant_type=client_credentials");

            assertThat(audit.await(3)).extracting(event -> CapturedLog.pairs(event).get("event"))
                    .contains("sign_in_succeeded", "token_issued", "client_authentication_failed");
            assertThat(audit.events).filteredOn(event -> "token_issued".equals(CapturedLog.pairs(event).get("event")))
                    .singleElement().satisfies(event -> assertThat(CapturedLog.pairs(event))
                            .containsEntry("subject", OpsServer.USERNAME).containsEntry("client_id", OpsServer.CLIENT_ID)
                            .containsEntry("source", "127.0.0.1").containsEntry("detail", "password"));
            assertThat(audit.everything()).doesNotContain(token).doesNotContain(OpsServer.SECRET)
                    .doesNotContain(OpsServer.PASSWORD).doesNotContain("wrong-secret-value");
        }
    }

    @Test
    void auditLogWritesEachSecurityEventWithItsFields() {
        try (CapturedLog audit = CapturedLog.of(AuditLog.LOGGER)) {
            new AuditLog().record(new SecurityEvent(SecurityEventType.SIGN_IN_FAILED, Instant.EPOCH, Optional.of("alice"),
                    Optional.of(new ClientId("c1")), new SourceAddress("192.0.2.7"), "password"));
            new AuditLog().record(SecurityEvent.ofClient(SecurityEventType.REFRESH_TOKEN_REUSE_DETECTED, Instant.EPOCH,
                    new ClientId("c2"), SourceAddress.UNKNOWN, ""));

            assertThat(audit.events).hasSize(2);
            assertThat(CapturedLog.pairs(audit.events.get(0))).containsEntry("event", "sign_in_failed")
                    .containsEntry("subject", "alice").containsEntry("client_id", "c1").containsEntry("source", "192.0.2.7")
                    .containsEntry("detail", "password");
            assertThat(audit.events.get(0).getLevel()).isEqualTo(Level.INFO);
            assertThat(audit.events.get(1).getLevel()).isEqualTo(Level.WARN);
            assertThat(CapturedLog.pairs(audit.events.get(1))).containsEntry("event", "refresh_token_reuse_detected")
                    .containsEntry("client_id", "c2").containsEntry("subject", "");
        }
    }
}
