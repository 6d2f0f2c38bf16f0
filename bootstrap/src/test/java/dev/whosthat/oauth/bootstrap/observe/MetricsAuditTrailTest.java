package dev.whosthat.oauth.bootstrap.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.audit.SecurityEvent;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.AuditTrail;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The security-event counters, fed directly: nothing in the use cases emits into the trail yet. */
class MetricsAuditTrailTest {

    private final Metrics metrics = new Metrics();
    private final AuditTrail trail = metrics.securityEvents();
    private final PrometheusMeterRegistry registry = metrics.registry();

    @Test
    void tokensIssuedAreCountedByGrantType() {
        trail.record(event(SecurityEventType.TOKEN_ISSUED, "password"));
        trail.record(event(SecurityEventType.TOKEN_ISSUED, "password"));
        trail.record(event(SecurityEventType.TOKEN_ISSUED, "client_credentials"));

        assertThat(count("oauth.tokens.issued", "password")).isEqualTo(2);
        assertThat(count("oauth.tokens.issued", "client_credentials")).isEqualTo(1);
        assertThat(count("oauth.tokens.issued", "refresh_token")).isZero();
    }

    @Test
    void anUnknownDetailIsCountedAsOtherNeverAsItsOwnLabel() {
        trail.record(event(SecurityEventType.TOKEN_ISSUED, "urn:something:else"));

        assertThat(count("oauth.tokens.issued", "other")).isEqualTo(1);
        assertThat(registry.scrape()).doesNotContain("urn:something:else");
    }

    @Test
    void eachSecurityEventTypeHasItsCounter() {
        trail.record(event(SecurityEventType.TOKEN_REVOKED, ""));
        trail.record(event(SecurityEventType.CLIENT_AUTHENTICATION_FAILED, ""));
        trail.record(event(SecurityEventType.SIGN_IN_FAILED, "password"));
        trail.record(event(SecurityEventType.SIGN_IN_FAILED, "sign_in_page"));
        trail.record(event(SecurityEventType.SIGN_IN_SUCCEEDED, "sign_in_page"));
        trail.record(event(SecurityEventType.REFRESH_TOKEN_REUSE_DETECTED, ""));
        trail.record(event(SecurityEventType.AUTHORIZATION_CODE_REPLAYED, ""));
        trail.record(event(SecurityEventType.CLIENT_SECRET_ROTATED, ""));
        trail.record(event(SecurityEventType.ATTEMPT_THROTTLED, ""));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("oauth_tokens_revoked_total 1.0")
                .contains("oauth_client_authentication_failures_total 1.0")
                .contains("oauth_sign_in_failures_total 2.0")
                .contains("oauth_sign_ins_total 1.0")
                .contains("oauth_refresh_token_reuse_detected_total 1.0")
                .contains("oauth_authorization_code_replays_total 1.0")
                .contains("oauth_client_secret_rotations_total 1.0")
                .contains("oauth_attempts_throttled_total 1.0");
    }

    @Test
    void subjectsClientsAndSourcesNeverBecomeLabels() {
        trail.record(new SecurityEvent(SecurityEventType.SIGN_IN_FAILED, Instant.EPOCH, Optional.of("mallory"),
                Optional.of(new ClientId("client-x")), new SourceAddress("203.0.113.9"), "password"));

        assertThat(registry.scrape()).doesNotContain("mallory").doesNotContain("client-x").doesNotContain("203.0.113.9");
    }

    private double count(String name, String grantType) {
        return registry.get(name).tag("grant_type", grantType).counter().count();
    }

    private static SecurityEvent event(SecurityEventType type, String detail) {
        return SecurityEvent.ofClient(type, Instant.EPOCH, new ClientId("c1"), SourceAddress.UNKNOWN, detail);
    }
}
