package dev.whosthat.oauth.adapter.http.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secure, __Host- prefixed cookies follow the issuer's scheme, whatever its case. */
class SecureCookieSchemeTest {

    @Test
    void anHttpsIssuerInAnyCaseGetsSecureCookies() {
        assertThat(AuthorizationRoutes.isHttps("https://auth.example")).isTrue();
        assertThat(AuthorizationRoutes.isHttps("HTTPS://auth.example")).isTrue();
        assertThat(AuthorizationRoutes.isHttps("Https://auth.example/tenant")).isTrue();
    }

    @Test
    void anHttpIssuerDoesNot() {
        assertThat(AuthorizationRoutes.isHttps("http://127.0.0.1:8080")).isFalse();
        assertThat(AuthorizationRoutes.isHttps("http://localhost:8080/httpsish")).isFalse();
    }
}
