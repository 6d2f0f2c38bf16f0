package dev.whosthat.oauth.domain.error;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The result of a protocol step: a value, or an OAuth error that the caller renders. Protocol
 * failures are values; exceptions (and failed stages) are reserved for bugs and infrastructure.
 */
public sealed interface Outcome<T> {

    record Ok<T>(T value) implements Outcome<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Rejected<T>(OAuthError error) implements Outcome<T> {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }

        /** The same rejection, typed for another success value. */
        @SuppressWarnings("unchecked")
        public <U> Rejected<U> retype() {
            return (Rejected<U>) this;
        }
    }

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> rejected(OAuthErrorCode code, String description) {
        return new Rejected<>(OAuthError.of(code, description));
    }

    static <T> Outcome<T> rejected(OAuthError error) {
        return new Rejected<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default <U> Outcome<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        return ((Rejected<T>) this).retype();
    }

    default <U> Outcome<U> flatMap(Function<? super T, Outcome<U>> next) {
        if (this instanceof Ok<T> ok) {
            return next.apply(ok.value());
        }
        return ((Rejected<T>) this).retype();
    }

    /** The value of an {@link Ok}; a bug to call on a rejection. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("rejected: " + ((Rejected<T>) this).error());
    }

    /**
     * Lifts an asynchronous next step so that it runs only on success, for chains such as
     * {@code stage.thenCompose(whenOk(client -> ...))}.
     */
    static <T, U> Function<Outcome<T>, CompletionStage<Outcome<U>>> whenOk(
            Function<? super T, ? extends CompletionStage<Outcome<U>>> next) {
        return outcome -> {
            if (outcome instanceof Ok<T> ok) {
                return next.apply(ok.value());
            }
            return CompletableFuture.completedFuture(((Rejected<T>) outcome).retype());
        };
    }
}
