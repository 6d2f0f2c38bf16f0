package dev.whosthat.oauth.adapter.postgres;

/** Statements on {@code users}. */
final class UserSql {

    private UserSql() {
    }

    static final String FIND_BY_USERNAME = """
            SELECT user_id, username, password_hash
            FROM users
            WHERE username = $1
            """;

    /** A taken id or username fails with 23505, which the repository reports as a duplicate. */
    static final String INSERT = """
            INSERT INTO users (user_id, username, password_hash)
            VALUES ($1, $2, $3)
            """;

    static final String LIST = """
            SELECT user_id, username, password_hash
            FROM users
            ORDER BY username
            """;

    static final String DELETE = """
            DELETE FROM users WHERE user_id = $1
            """;

    static final String UPDATE_PASSWORD_HASH = """
            UPDATE users SET password_hash = $2
            WHERE user_id = $1
            """;
}
