package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.application.admin.AdminOutcome;

/**
 * An expected way for a command to fail: one line for the operator and the exit status that tells
 * a script what happened. Printed as {@code error: <message>}, never with a stack trace.
 */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** The value of a done action, or its refusal thrown with the refusal's exit code. */
    static <T> T unlessDone(AdminOutcome<T> outcome) {
        if (outcome instanceof AdminOutcome.NotFound<T> notFound) {
            throw new CommandFailure(ExitCodes.NOT_FOUND, notFound.message());
        }
        if (outcome instanceof AdminOutcome.AlreadyExists<T> taken) {
            throw new CommandFailure(ExitCodes.ALREADY_EXISTS, taken.message());
        }
        if (outcome instanceof AdminOutcome.NotApplicable<T> refused) {
            throw new CommandFailure(ExitCodes.USAGE, refused.message());
        }
        return outcome.orElseThrow();
    }

    int exitCode() {
        return exitCode;
    }
}
