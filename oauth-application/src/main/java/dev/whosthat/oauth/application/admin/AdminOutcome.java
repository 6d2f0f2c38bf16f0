package dev.whosthat.oauth.application.admin;

import java.util.Objects;

/**
 * The result of an operator's action: done, or one of the expected refusals an operator (or a
 * script) must tell apart. Like {@code Outcome} for protocol steps, refusals are values; a failed
 * stage means the storage failed.
 */
public sealed interface AdminOutcome<T> {

    /** What the operator asked for is done. */
    record Done<T>(T value) implements AdminOutcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The client or user named does not exist. */
    record NotFound<T>(String message) implements AdminOutcome<T> {
        public NotFound {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The client id or username is taken. */
    record AlreadyExists<T>(String message) implements AdminOutcome<T> {
        public AlreadyExists {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The action does not apply to what was named (a public client has no secret to rotate). */
    record NotApplicable<T>(String message) implements AdminOutcome<T> {
        public NotApplicable {
            Objects.requireNonNull(message, "message");
        }
    }

    static <T> AdminOutcome<T> done(T value) {
        return new Done<>(value);
    }

    /** The value of a {@link Done}; a bug to call otherwise. */
    default T orElseThrow() {
        if (this instanceof Done<T> done) {
            return done.value();
        }
        throw new IllegalStateException("not done: " + this);
    }
}
