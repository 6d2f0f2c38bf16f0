package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.observe.AuditLog;
import dev.whosthat.oauth.domain.port.AuditTrail;

/** Where the security events of the admin commands go. */
public final class AuditTrails {

    private AuditTrails() {
    }

    /**
     * The trail for the admin command line (a rotated client secret, say): the audit logger, as for
     * the server, on standard error like every other message of a command. A command is over in a
     * moment, so it keeps no metrics.
     */
    public static AuditTrail forAdminCommands(ServerConfig config) {
        return new AuditLog();
    }
}
