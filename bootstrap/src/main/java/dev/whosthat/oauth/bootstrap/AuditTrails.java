package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.domain.port.AuditTrail;

/** Where the security events of the admin commands go. */
public final class AuditTrails {

    private AuditTrails() {
    }

    /**
     * The trail for the admin command line (a rotated client secret, say).
     *
     * <p>TODO when the log and metrics audit trails of issue 6 are merged: build them here from
     * the configuration, the one place the command line takes its trail from. Until then events are
     * not recorded.
     */
    public static AuditTrail forAdminCommands(ServerConfig config) {
        return AuditTrail.NONE;
    }
}
