package dev.whosthat.oauth.bootstrap.observe;

import dev.whosthat.oauth.domain.audit.SecurityEvent;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.port.AuditTrail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts security events. Every counter exists from the start (at zero), so that an alert on its
 * rate works before the first event; labels take only fixed values, never a subject or client.
 */
final class MetricsAuditTrail implements AuditTrail {

    private static final String OTHER = "other";

    private final Map<GrantType, Counter> issued = new EnumMap<>(GrantType.class);
    private final Counter issuedOther;
    private final Counter revoked;
    private final Counter clientAuthenticationFailures;
    private final Counter signIns;
    private final Counter signInFailures;
    private final Counter refreshReuse;
    private final Counter codeReplays;
    private final Counter secretRotations;
    private final Counter throttled;

    MetricsAuditTrail(MeterRegistry registry) {
        Arrays.stream(GrantType.values()).forEach(type -> issued.put(type, issuedCounter(registry, type.wire())));
        issuedOther = issuedCounter(registry, OTHER);
        revoked = counter(registry, "oauth.tokens.revoked", "Tokens revoked at a client's request (RFC 7009)");
        clientAuthenticationFailures = counter(registry, "oauth.client.authentication.failures",
                "Requests whose client credentials were refused (RFC 6749 §2.3)");
        signIns = counter(registry, "oauth.sign.ins", "Resource owner passwords accepted (sign-in page or password grant)");
        signInFailures = counter(registry, "oauth.sign.in.failures",
                "Resource owner usernames or passwords refused (sign-in page or password grant)");
        refreshReuse = counter(registry, "oauth.refresh.token.reuse.detected",
                "Rotated-away refresh tokens presented again; their grants were revoked (RFC 9700 §4.14.2)");
        codeReplays = counter(registry, "oauth.authorization.code.replays",
                "Authorization codes presented a second time; their tokens were revoked (RFC 6749 §4.1.2)");
        secretRotations = counter(registry, "oauth.client.secret.rotations", "Client secrets replaced by an operator");
        throttled = counter(registry, "oauth.attempts.throttled", "Attempts refused unchecked after too many failures");
    }

    private static Counter issuedCounter(MeterRegistry registry, String grantType) {
        return Counter.builder("oauth.tokens.issued")
                .description("Access tokens issued by the token endpoint, by grant type")
                .tag("grant_type", grantType)
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    @Override
    public void record(SecurityEvent event) {
        counterFor(event).increment();
    }

    private Counter counterFor(SecurityEvent event) {
        return switch (event.type()) {
            // The detail of TOKEN_ISSUED is the grant type; anything else is counted, not labelled.
            case TOKEN_ISSUED -> GrantType.fromWire(event.detail()).map(issued::get).orElse(issuedOther);
            case TOKEN_REVOKED -> revoked;
            case CLIENT_AUTHENTICATION_FAILED -> clientAuthenticationFailures;
            case SIGN_IN_SUCCEEDED -> signIns;
            case SIGN_IN_FAILED -> signInFailures;
            case REFRESH_TOKEN_REUSE_DETECTED -> refreshReuse;
            case AUTHORIZATION_CODE_REPLAYED -> codeReplays;
            case CLIENT_SECRET_ROTATED -> secretRotations;
            case ATTEMPT_THROTTLED -> throttled;
        };
    }
}
