package dev.whosthat.oauth.application.authorize;

import dev.whosthat.oauth.application.user.SignInAttempt;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientId;
import java.util.Optional;
import dev.whosthat.oauth.application.user.AuthenticateUser;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.port.TokenGenerator;
import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.Minted;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.token.TokenValue;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Signs a resource owner in at the server's own pages and opens a session; the cookie value is stored as a digest. */
public final class SignIn {

    private final AuthenticateUser authenticateUser;
    private final SessionStore sessions;
    private final TokenGenerator generator;
    private final TokenLifetimes lifetimes;
    private final Clock clock;

    public SignIn(AuthenticateUser authenticateUser, SessionStore sessions, TokenGenerator generator,
                  TokenLifetimes lifetimes, Clock clock) {
        this.authenticateUser = Objects.requireNonNull(authenticateUser, "authenticateUser");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A sign-in with no known client or address, as a host without a network peer makes it. */
    public CompletionStage<Outcome<Minted<LoginSession>>> handle(Username username, Password password) {
        return handle(username, password, Optional.empty(), SourceAddress.UNKNOWN);
    }

    /**
     * @param client the client whose authorization request led to the sign-in page, if known
     */
    public CompletionStage<Outcome<Minted<LoginSession>>> handle(Username username, Password password,
                                                                 Optional<ClientId> client, SourceAddress source) {
        SignInAttempt attempt = new SignInAttempt(SignInAttempt.Channel.SIGN_IN_PAGE, client, source);
        return authenticateUser.handle(username, password, attempt).thenCompose(Outcome.whenOk(user -> {
            TokenValue value = generator.newToken();
            Instant now = clock.instant();
            LoginSession session = new LoginSession(value.digest(), user.asOwner(), now, now.plus(lifetimes.loginSession()));
            return sessions.save(session).thenApply(saved -> Outcome.ok(new Minted<>(value, session)));
        }));
    }
}
