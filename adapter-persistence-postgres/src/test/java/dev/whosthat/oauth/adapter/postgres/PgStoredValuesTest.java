package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.port.TestTokenGenerator;
import dev.whosthat.oauth.domain.port.TestTokens;
import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.TokenValue;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN.md decision 3: tokens and session ids are stored only as SHA-256 digests. */
class PgStoredValuesTest {

    @Test
    void tokenTablesHoldDigestsAndNeverTheClearValues() {
        PgStorage storage = PgTestDatabase.storage();
        IssuedTokens issued = TestTokens.withRefresh(TestTokens.T0);
        await(storage.tokens().save(issued));

        List<String> rows = rowsAsText("access_tokens", "refresh_tokens");

        assertThat(String.join("\n", rows))
                .doesNotContain(issued.access().value().value())
                .doesNotContain(issued.refresh().orElseThrow().value().value())
                .contains(issued.access().token().digest().hex())
                .contains(issued.refresh().orElseThrow().token().digest().hex());
    }

    @Test
    void sessionTableHoldsTheDigestOfTheCookieValue() {
        PgStorage storage = PgTestDatabase.storage();
        TokenValue cookie = new TestTokenGenerator().newToken();
        LoginSession session = new LoginSession(cookie.digest(), TestTokens.newOwner(), TestTokens.T0,
                TestTokens.T0.plusSeconds(3600));
        await(storage.sessions().save(session));

        assertThat(String.join("\n", rowsAsText("login_sessions")))
                .doesNotContain(cookie.value())
                .contains(cookie.digest().hex());
    }

    private static List<String> rowsAsText(String... tables) {
        List<String> rows = new ArrayList<>();
        try (PgAdmin admin = new PgAdmin(PgTestDatabase.uri())) {
            for (String table : tables) {
                for (Row row : admin.run("SELECT t::text AS line FROM " + table + " t")) {
                    rows.add(row.getString("line"));
                }
            }
        }
        return rows;
    }
}
