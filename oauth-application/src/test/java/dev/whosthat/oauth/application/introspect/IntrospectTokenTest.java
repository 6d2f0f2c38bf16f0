package dev.whosthat.oauth.application.introspect;

import static dev.whosthat.oauth.application.Harness.NOW;
import static dev.whosthat.oauth.application.Harness.accessValue;
import static dev.whosthat.oauth.application.Harness.errorCode;
import static dev.whosthat.oauth.application.Harness.refreshValue;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.TokenValue;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 7662 */
class IntrospectTokenTest {

    private final Harness h = new Harness();
    private final TestClient resourceServer = h.confidential(Scope.EMPTY, GrantType.CLIENT_CREDENTIALS);
    private final TestClient app = h.confidential(scope("read write"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN,
            GrantType.CLIENT_CREDENTIALS);
    private final TestUser alice = h.user();
    private final TokenGranted userTokens = h.password(app, alice, scope("read")).orElseThrow();

    @Test
    void activeUserAccessTokenDescribesClientUserScopeAndLifetime() {
        Introspection result = h.introspect(resourceServer, accessValue(userTokens)).orElseThrow();

        assertThat(result).isEqualTo(new Introspection.Active(Introspection.BEARER, app.id(),
                Optional.of(alice.account().asOwner()), scope("read"), NOW, NOW.plus(Harness.ACCESS_LIFETIME),
                alice.account().id().value()));
        Introspection.Active active = (Introspection.Active) result;
        assertThat(active.owner().orElseThrow().username()).isEqualTo(alice.username());
        assertThat(active.subject()).isEqualTo(alice.account().id().value());
    }

    @Test
    void clientCredentialsTokenHasTheClientAsSubjectAndNoUser() {
        TokenGranted machine = h.clientCredentials(app, scope("write")).orElseThrow();

        Introspection result = h.introspect(resourceServer, accessValue(machine)).orElseThrow();

        assertThat(result).isInstanceOfSatisfying(Introspection.Active.class, active -> {
            assertThat(active.subject()).isEqualTo(app.id().value());
            assertThat(active.owner()).isEmpty();
            assertThat(active.clientId()).isEqualTo(app.id());
            assertThat(active.scope()).isEqualTo(scope("write"));
        });
    }

    @Test
    void activeRefreshTokenIsDescribedAsARefreshToken() {
        Introspection result = h.introspect(resourceServer, refreshValue(userTokens)).orElseThrow();

        assertThat(result).isEqualTo(new Introspection.Active(Introspection.REFRESH, app.id(),
                Optional.of(alice.account().asOwner()), scope("read"), NOW, NOW.plus(Harness.REFRESH_LIFETIME),
                alice.account().id().value()));
    }

    @Test
    void hintsOnlySayWhereToLookFirst() {
        var asker = resourceServer.credentials();

        assertThat(h.introspect(asker, Optional.of(accessValue(userTokens)), Optional.of(TokenHint.REFRESH_TOKEN))
                .orElseThrow()).isInstanceOfSatisfying(Introspection.Active.class,
                        a -> assertThat(a.tokenType()).isEqualTo(Introspection.BEARER));
        assertThat(h.introspect(asker, Optional.of(refreshValue(userTokens)), Optional.of(TokenHint.ACCESS_TOKEN))
                .orElseThrow()).isInstanceOfSatisfying(Introspection.Active.class,
                        a -> assertThat(a.tokenType()).isEqualTo(Introspection.REFRESH));
    }

    @Test
    void clientMayIntrospectItsOwnTokens() {
        assertThat(h.introspect(app, accessValue(userTokens)).orElseThrow()).isInstanceOf(Introspection.Active.class);
    }

    @Test
    void expiredAccessTokenIsInactive() {
        h.clock.advance(Harness.ACCESS_LIFETIME);

        assertThat(h.introspect(resourceServer, accessValue(userTokens)).orElseThrow()).isEqualTo(new Introspection.Inactive());
    }

    @Test
    void accessTokenIsActiveUntilJustBeforeItExpires() {
        h.clock.advance(Harness.ACCESS_LIFETIME.minus(Duration.ofSeconds(1)));

        assertThat(h.introspect(resourceServer, accessValue(userTokens)).orElseThrow()).isInstanceOf(Introspection.Active.class);
    }

    @Test
    void expiredRefreshTokenIsInactive() {
        h.clock.advance(Harness.REFRESH_LIFETIME);

        assertThat(h.introspect(resourceServer, refreshValue(userTokens)).orElseThrow()).isEqualTo(new Introspection.Inactive());
    }

    @Test
    void revokedAccessTokenIsInactive() {
        h.revoke(app, accessValue(userTokens)).orElseThrow();

        assertThat(h.introspect(resourceServer, accessValue(userTokens)).orElseThrow()).isEqualTo(new Introspection.Inactive());
    }

    @Test
    void rotatedRefreshTokenIsInactive() {
        h.refresh(app, refreshValue(userTokens), Scope.EMPTY).orElseThrow();

        assertThat(h.introspect(resourceServer, refreshValue(userTokens)).orElseThrow()).isEqualTo(new Introspection.Inactive());
    }

    @Test
    void unknownTokenIsInactive() {
        assertThat(h.introspect(resourceServer, h.generator.newToken()).orElseThrow()).isEqualTo(new Introspection.Inactive());
    }

    @Test
    void malformedTokenIsInactive() {
        Optional<TokenValue> malformed = TokenValue.parse("not a token");

        assertThat(h.introspect(resourceServer.credentials(), malformed, Optional.empty()).orElseThrow())
                .isEqualTo(new Introspection.Inactive());
    }

    @Test
    void publicClientMayNotIntrospect() {
        TestClient publicApp = h.publicClient(scope("profile"), GrantType.PASSWORD);

        assertThat(errorCode(h.introspect(publicApp, accessValue(userTokens)))).isEqualTo(OAuthErrorCode.INVALID_CLIENT);
    }

    @Test
    void unauthenticatedCallerIsInvalidClient() {
        var wrong = new ClientCredentials.WithSecret(resourceServer.id(), new ClientSecret("wrong"),
                ClientAuthMethod.CLIENT_SECRET_BASIC);

        assertThat(errorCode(h.introspect(wrong, Optional.of(accessValue(userTokens)), Optional.empty())))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);
    }

    @Test
    void hintNamesFollowRfc7009() {
        assertThat(TokenHint.fromWire("access_token")).contains(TokenHint.ACCESS_TOKEN);
        assertThat(TokenHint.fromWire("refresh_token")).contains(TokenHint.REFRESH_TOKEN);
        assertThat(TokenHint.fromWire("id_token")).isEmpty();
    }
}
