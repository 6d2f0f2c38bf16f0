package dev.whosthat.oauth.application.authorize;

import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.TokenValue;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The live session behind a session cookie, if any. */
public final class FindSession {

    private final SessionStore sessions;
    private final Clock clock;

    public FindSession(SessionStore sessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CompletionStage<Optional<LoginSession>> handle(Optional<String> cookie) {
        Optional<TokenValue> value = cookie.flatMap(TokenValue::parse);
        if (value.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return sessions.find(value.get().digest())
                .thenApply(found -> found.filter(session -> session.isActiveAt(clock.instant())));
    }
}
