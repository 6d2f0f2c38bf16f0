package dev.whosthat.oauth.domain.port;

/**
 * The storage cannot be reached right now (connection refused or lost, timed out, shutting down):
 * a storage adapter fails a port's stage with this exception, so that callers can answer "try again
 * later" rather than report a bug. Its message names the fault and never holds a secret.
 */
public class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message) {
        super(message);
    }

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
