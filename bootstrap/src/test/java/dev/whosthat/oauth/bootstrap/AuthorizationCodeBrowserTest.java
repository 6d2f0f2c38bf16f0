package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The authorization code flow as a person goes through it, in Debian's headless Chromium: the demo
 * page starts the flow with PKCE, the user signs in and consents on our pages, the page exchanges
 * the code and calls {@code /api/me}. Skipped, saying why, where the browser is not installed;
 * {@code .ci/run} installs it, so CI always runs this.
 */
class AuthorizationCodeBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private OAuthServer server;
    private DemoSeed demo;
    private String issuer;
    private WebDriver browser;
    private Path profile;

    @BeforeAll
    static void browserIsInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED: browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver); .ci/run installs them");
    }

    /** A server of its own for each test, so that sessions and consents never leak between tests. */
    @BeforeEach
    void startServer() throws Exception {
        int port = freePort();
        // 127.0.0.1 is a secure context, so the demo page may use WebCrypto for the PKCE challenge.
        issuer = "http://127.0.0.1:" + port;
        demo = DemoSeed.random();
        ServerConfig config = new ServerConfig(issuer, "127.0.0.1", port,
                new StorageSettings(StorageSettings.Kind.MEMORY, Optional.empty(), 16), List.of(), List.of(),
                TokenLifetimes.DEFAULTS, Argon2idPasswordHasher.Cost.OWASP_MINIMUM, ThrottleSettings.DEFAULTS, true);
        server = OAuthServer.start(demo.addTo(config));
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void signInConsentCodeTokenAndApiMe() {
        startFromDemoPage();
        signIn(DemoSeed.USERNAME, demo.password.value());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Allow access?");
        assertThat(browser.getPageSource()).contains("whosThat demo page").contains("Read your data");
        button("Allow").click();

        awaitOutcome("Signed in");
        assertThat(browser.getCurrentUrl()).startsWith(issuer + "/demo/callback?code=").contains("iss=");
        assertThat(text("token-response")).contains("\"access_token\"").contains("\"refresh_token\"")
                .contains("\"token_type\": \"Bearer\"");
        assertThat(text("me")).contains("\"username\": \"demo\"").contains("\"client_id\": \"demo-spa\"");
    }

    @Test
    void denyingSendsAccessDeniedBackToTheClient() {
        startFromDemoPage();
        signIn(DemoSeed.USERNAME, demo.password.value());
        button("Deny").click();

        awaitOutcome("Authorization failed: access_denied");
        assertThat(browser.getCurrentUrl()).startsWith(issuer + "/demo/callback?error=access_denied");
    }

    @Test
    void aWrongPasswordShowsOneGenericMessageAndTheFormAgain() {
        startFromDemoPage();
        signIn(DemoSeed.USERNAME, "not the password");

        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Sign-in failed. Check your username and password and try again.");
        assertThat(browser.findElements(By.name("password"))).hasSize(1);
        signIn("nobody-by-this-name", "whatever");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Sign-in failed. Check your username and password and try again.");
    }

    @Test
    void consentIsRememberedSoTheSecondAuthorizationGoesStraightBack() {
        startFromDemoPage();
        signIn(DemoSeed.USERNAME, demo.password.value());
        button("Allow").click();
        awaitOutcome("Signed in");

        browser.get(issuer + "/demo");
        browser.findElement(By.id("start")).click();
        awaitOutcome("Signed in");
        assertThat(text("me")).contains("\"username\": \"demo\"");
    }

    @Test
    void anUnregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
        browser.get(issuer + "/oauth2/authorize?response_type=code&client_id=demo-spa"
                + "&redirect_uri=https%3A%2F%2Fattacker.example%2Fcb&state=s"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This request cannot be completed");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("redirect_uri is not registered for this client");
        assertThat(browser.getCurrentUrl()).startsWith(issuer + "/oauth2/authorize");
    }

    private void startFromDemoPage() {
        browser.get(issuer + "/demo");
        browser.findElement(By.id("start")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    }

    private void signIn(String username, String password) {
        WebElement field = browser.findElement(By.name("username"));
        field.clear();
        field.sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        WebElement submit = browser.findElement(By.cssSelector("button[type=submit]"));
        submit.click();
        // The sign-in page has an h1 of its own: wait for it to go first, or the next look-up may
        // find the old page's elements just before the answer replaces them (stale elements).
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.stalenessOf(submit));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    private WebElement button(String label) {
        return browser.findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button labelled " + label + " on " + browser.getCurrentUrl()));
    }

    private void awaitOutcome(String expected) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("outcome"), expected));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
