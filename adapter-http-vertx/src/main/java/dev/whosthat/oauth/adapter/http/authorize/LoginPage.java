package dev.whosthat.oauth.adapter.http.authorize;

/**
 * What the sign-in page shows; every string is escaped by the template.
 *
 * @param alert why the last attempt did not sign in, or empty
 */
public record LoginPage(String nonce, String clientName, String action, String csrf, String request, String username,
                        String alert) {

    /** The one message for a wrong username or password: it must not tell which. */
    static final String WRONG_CREDENTIALS = "Sign-in failed. Check your username and password and try again.";
    /** The one message for a throttled attempt: it must not tell whether the password was right. */
    static final String TOO_MANY_ATTEMPTS = "Too many failed attempts. Wait a few minutes, then try again.";
}
