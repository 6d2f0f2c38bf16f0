package dev.whosthat.oauth.bootstrap.postgres;

import static dev.whosthat.oauth.bootstrap.postgres.Http.active;
import static dev.whosthat.oauth.bootstrap.postgres.Http.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.bootstrap.OAuthServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server stopped and another started on the same database: nothing issued or decided is lost. */
class RestartTest {

    private OAuthServer running;

    @AfterEach
    void stopNode() throws Exception {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void tokensRevocationsSessionsAndConsentsSurviveARestart() throws Exception {
        Deployment app = Deployment.unique();
        OAuthServer first = app.startNode(TestPostgres.sharedUri());
        running = first;
        HttpResponse<String> kept = Http.passwordGrant(first.port(), app);
        String keptAccess = field(kept, "access_token");
        String keptRefresh = field(kept, "refresh_token");
        String subject = field(Http.introspect(first.port(), app, keptAccess), "sub");
        String revokedAccess = field(Http.passwordGrant(first.port(), app), "access_token");
        assertThat(Http.revoke(first.port(), app, revokedAccess).statusCode()).isEqualTo(200);
        CodeFlow browser = new CodeFlow(app);
        assertThat(browser.exchange(first.port(), browser.codeAcross(first.port(), first.port())).statusCode())
                .isEqualTo(200);
        first.close();
        running = null;

        OAuthServer second = app.startNode(TestPostgres.sharedUri());
        running = second;

        assertThat(Http.me(second.port(), keptAccess).statusCode()).isEqualTo(200);
        assertThat(field(Http.introspect(second.port(), app, keptAccess), "sub")).isEqualTo(subject);
        assertThat(active(second.port(), app, revokedAccess)).isFalse();
        assertThat(Http.refresh(second.port(), app, keptRefresh).statusCode()).isEqualTo(200);
        // Still signed in, and the consent is remembered: the authorization endpoint redirects at once.
        HttpResponse<String> again = browser.authorize(second.port());
        assertThat(again.statusCode()).as(again.body()).isIn(302, 303);
        String code = CodeFlow.code(again).orElseThrow(() -> new AssertionError("no code: " + again.headers()));
        assertThat(browser.exchange(second.port(), code).statusCode()).isEqualTo(200);
    }

    @Test
    void theConfigurationIsPutIntoTheDatabaseAtEveryStart() throws Exception {
        Deployment before = Deployment.unique();
        OAuthServer first = before.startNode(TestPostgres.sharedUri());
        running = first;
        String subject = field(Http.introspect(first.port(), before,
                field(Http.passwordGrant(first.port(), before), "access_token")), "sub");
        first.close();
        running = null;

        // Same client and user names, new secret and password in the configuration.
        Deployment after = before.withSecret(before.secret() + "-rotated").withPassword(before.password() + "-changed");
        OAuthServer second = after.startNode(TestPostgres.sharedUri());
        running = second;

        assertThat(Http.token(second.port(), before, "grant_type=client_credentials").statusCode()).isEqualTo(401);
        assertThat(Http.token(second.port(), after, "grant_type=client_credentials").statusCode()).isEqualTo(200);
        HttpResponse<String> oldPassword = Http.passwordGrant(second.port(), after.withPassword(before.password()));
        assertThat(oldPassword.statusCode()).isEqualTo(400);
        HttpResponse<String> newPassword = Http.passwordGrant(second.port(), after);
        assertThat(newPassword.statusCode()).as(newPassword.body()).isEqualTo(200);
        // The account is the same one: its subject did not change with its password.
        assertThat(field(Http.introspect(second.port(), after, field(newPassword, "access_token")), "sub"))
                .isEqualTo(subject);
    }

    @Test
    void aConfiguredPasswordHashIsStoredAsItIsAndReplacesTheStoredOneWhenItChanges() throws Exception {
        Deployment before = Deployment.unique();
        OAuthServer first = before.startNodeWithPasswordHash(TestPostgres.sharedUri());
        running = first;
        HttpResponse<String> signedIn = Http.passwordGrant(first.port(), before);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String subject = field(Http.introspect(first.port(), before, field(signedIn, "access_token")), "sub");
        first.close();
        running = null;

        Deployment after = before.withPassword(before.password() + "-changed");
        OAuthServer second = after.startNodeWithPasswordHash(TestPostgres.sharedUri());
        running = second;

        assertThat(Http.passwordGrant(second.port(), before).statusCode()).isEqualTo(400);
        HttpResponse<String> newPassword = Http.passwordGrant(second.port(), after);
        assertThat(newPassword.statusCode()).as(newPassword.body()).isEqualTo(200);
        assertThat(field(Http.introspect(second.port(), after, field(newPassword, "access_token")), "sub"))
                .isEqualTo(subject);
    }
}
