package dev.whosthat.oauth.application;

import dev.whosthat.oauth.application.audit.SecurityAudit;
import dev.whosthat.oauth.application.throttle.Throttle;
import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.application.authorize.CheckConsent;
import dev.whosthat.oauth.application.authorize.FindSession;
import dev.whosthat.oauth.application.authorize.IssueAuthorizationCode;
import dev.whosthat.oauth.application.authorize.RecordConsent;
import dev.whosthat.oauth.application.authorize.SignIn;
import dev.whosthat.oauth.application.authorize.ValidateAuthorizationRequest;
import dev.whosthat.oauth.application.bearer.ValidateBearerToken;
import dev.whosthat.oauth.application.client.AuthenticateClient;
import dev.whosthat.oauth.application.client.RegisterClient;
import dev.whosthat.oauth.application.introspect.IntrospectToken;
import dev.whosthat.oauth.application.revoke.RevokeToken;
import dev.whosthat.oauth.application.token.ExchangeAuthorizationCode;
import dev.whosthat.oauth.application.token.GrantIssuer;
import dev.whosthat.oauth.application.token.IssueClientCredentialsToken;
import dev.whosthat.oauth.application.token.IssuePasswordToken;
import dev.whosthat.oauth.application.token.RefreshAccessToken;
import dev.whosthat.oauth.application.token.RequestToken;
import dev.whosthat.oauth.application.user.AuthenticateUser;
import dev.whosthat.oauth.application.user.RegisterUser;
import dev.whosthat.oauth.domain.port.AuditTrail;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.port.FailureCounter;
import dev.whosthat.oauth.domain.port.PasswordHasher;
import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.port.TokenGenerator;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.token.TokenMinter;
import java.time.Clock;
import java.util.Objects;

/**
 * Every use case, wired from the driven ports: the one object a host needs, with or without an
 * HTTP server around it.
 */
public record OAuthUseCases(
        RequestToken requestToken,
        IntrospectToken introspectToken,
        RevokeToken revokeToken,
        ValidateBearerToken validateBearerToken,
        ValidateAuthorizationRequest validateAuthorizationRequest,
        SignIn signIn,
        FindSession findSession,
        CheckConsent checkConsent,
        RecordConsent recordConsent,
        IssueAuthorizationCode issueAuthorizationCode,
        RegisterClient registerClient,
        RegisterUser registerUser) {

    /** The driven side of the hexagon. */
    public record Ports(ClientRepository clients, UserRepository users, TokenStore tokens,
                        AuthorizationCodeStore codes, SessionStore sessions, ConsentStore consents,
                        FailureCounter failures, PasswordHasher passwordHasher, TokenGenerator generator,
                        AuditTrail audit, Clock clock) {
        public Ports {
            Objects.requireNonNull(clients, "clients");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(codes, "codes");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(consents, "consents");
            Objects.requireNonNull(failures, "failures");
            Objects.requireNonNull(passwordHasher, "passwordHasher");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(generator, "generator");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** Wired with the default throttling policies. */
    public static OAuthUseCases wire(Ports ports, TokenLifetimes lifetimes) {
        return wire(ports, lifetimes, ThrottleSettings.DEFAULTS);
    }

    public static OAuthUseCases wire(Ports ports, TokenLifetimes lifetimes, ThrottleSettings throttling) {
        var minter = new TokenMinter(ports.generator(), lifetimes);
        var audit = new SecurityAudit(ports.audit(), ports.clock());
        var authenticateClient = new AuthenticateClient(ports.clients(),
                new Throttle(ports.failures(), throttling.clientAddresses(), ports.clock()), audit);
        var authenticateUser = new AuthenticateUser(ports.users(), ports.passwordHasher(),
                new Throttle(ports.failures(), throttling.usernames(), ports.clock()), audit);
        var grantIssuer = new GrantIssuer(minter, ports.tokens(), ports.clock());
        var requestToken = new RequestToken(authenticateClient,
                new IssueClientCredentialsToken(minter, ports.tokens(), ports.clock()),
                new IssuePasswordToken(authenticateUser, grantIssuer),
                new RefreshAccessToken(minter, ports.tokens(), ports.clock(), audit),
                new ExchangeAuthorizationCode(ports.codes(), ports.tokens(), grantIssuer, ports.clock(), audit),
                audit);
        return new OAuthUseCases(
                requestToken,
                new IntrospectToken(authenticateClient, ports.tokens(), ports.clock()),
                new RevokeToken(authenticateClient, ports.tokens(), audit),
                new ValidateBearerToken(ports.tokens(), ports.clock()),
                new ValidateAuthorizationRequest(ports.clients()),
                new SignIn(authenticateUser, ports.sessions(), ports.generator(), lifetimes, ports.clock()),
                new FindSession(ports.sessions(), ports.clock()),
                new CheckConsent(ports.consents()),
                new RecordConsent(ports.consents(), ports.clock()),
                new IssueAuthorizationCode(ports.codes(), ports.generator(), lifetimes, ports.clock()),
                new RegisterClient(ports.clients()),
                new RegisterUser(ports.users(), ports.passwordHasher(), ports.generator()));
    }
}
