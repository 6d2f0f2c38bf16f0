package dev.whosthat.oauth.adapter.http.authorize;

import static dev.whosthat.oauth.adapter.http.TestServer.ALICE;
import static dev.whosthat.oauth.adapter.http.TestServer.ALICE_PASSWORD;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_REDIRECT;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertConsentPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertLoginPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertNoSessionCookie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sign-in form: one generic message for every failure, whatever was wrong, and no session unless it succeeds. */
class SignInTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String FAILED = "Sign-in failed. Check your username and password and try again.";

    private final Browser browser = new Browser(server);
    private final String[] request = Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, "read", "st", Pkce.generate());

    /** The page without what changes from one rendering to the next: the style nonce and the typed username. */
    private static String withoutVolatileParts(Reply page) {
        return page.body()
                .replaceAll("nonce=\"[^\"]*\"", "nonce=\"N\"")
                .replaceAll("name=\"username\" value=\"[^\"]*\"", "name=\"username\" value=\"U\"");
    }

    private Reply failedSignIn(String username, String password) {
        Reply page = browser.get(Authorize.uri(request));
        Reply failed = browser.signIn(page, username, password);
        assertLoginPage(failed);
        assertNoSessionCookie(failed);
        assertThat(failed.header("Location")).isEmpty();
        return failed;
    }

    @Test
    void wrongPasswordShowsTheSignInPageAgainWithTheGenericMessage() {
        Reply failed = failedSignIn(ALICE, "wrong password");

        assertThat(failed.body()).contains(FAILED).contains("role=\"alert\"");
        // The username is kept for the next try, the password never is.
        assertThat(failed.body()).contains("name=\"username\" value=\"alice\"").doesNotContain("wrong password");
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSamePage() {
        Reply wrongPassword = failedSignIn(ALICE, "wrong password");
        Reply unknownUser = failedSignIn("nobody-" + System.nanoTime(), ALICE_PASSWORD);

        assertThat(unknownUser.body()).contains(FAILED);
        assertThat(withoutVolatileParts(unknownUser)).isEqualTo(withoutVolatileParts(wrongPassword));
        assertThat(unknownUser.headers().map().keySet()).isEqualTo(wrongPassword.headers().map().keySet());
    }

    @Test
    void emptyPasswordGetsTheSameGenericMessage() {
        Reply empty = failedSignIn(ALICE, "");

        assertThat(empty.body()).contains(FAILED);
    }

    @Test
    void missingUsernameGetsTheSameGenericMessage() {
        Reply page = browser.get(Authorize.uri(request));

        Reply failed = browser.post(AuthorizationRoutes.LOGIN, Forms.of("csrf", Html.hidden(page.body(), "csrf"),
                "authorization_request", Html.hidden(page.body(), "authorization_request"), "password", ALICE_PASSWORD));

        assertLoginPage(failed);
        assertThat(failed.body()).contains(FAILED);
        assertNoSessionCookie(failed);
    }

    @Test
    void failedSignInKeepsTheAuthorizationRequestForTheNextTry() {
        Reply failed = failedSignIn(ALICE, "wrong password");

        Reply signedIn = browser.signIn(failed, ALICE, ALICE_PASSWORD);

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
        assertThat(signedIn.header("Location")).hasValue(Authorize.uri(request));
    }

    @Test
    void usernameIsCaseSensitive() {
        Reply failed = failedSignIn("ALICE", ALICE_PASSWORD);

        assertThat(failed.body()).contains(FAILED);
    }

    @Test
    void rightCredentialsOpenASessionThatTheNextPageUses() {
        String user = server.newUser();
        Reply page = browser.get(Authorize.uri(request));

        Reply signedIn = browser.signIn(page, user, TestServer.USER_PASSWORD);

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isPresent();
        assertConsentPage(browser.follow(signedIn));
    }

    @Test
    void getOnTheSignInTargetIsMethodNotAllowed() {
        Reply reply = browser.get(AuthorizationRoutes.LOGIN);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(405);
        assertThat(reply.header("Allow")).hasValue("POST");
    }
}
