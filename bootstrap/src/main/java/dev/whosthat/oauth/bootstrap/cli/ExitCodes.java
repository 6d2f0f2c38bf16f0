package dev.whosthat.oauth.bootstrap.cli;

/**
 * The exit statuses of every command, for shell scripts. A configuration error shares 2 with a
 * usage error, as it always did for {@code serve}: both mean "fix what you gave me", while 1 means
 * "the storage failed, maybe try again".
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** The storage could not be reached or failed, or something unexpected happened. */
    public static final int FAILURE = 1;
    /** A wrong command line, a wrong configuration, or a request the rules refuse. */
    public static final int USAGE = 2;
    /** The client or user named does not exist. */
    public static final int NOT_FOUND = 3;
    /** The client id or username is already taken. */
    public static final int ALREADY_EXISTS = 4;
    /** The command would change storage, but the storage is memory: nothing would persist, nothing was done. */
    public static final int MEMORY_STORAGE = 5;

    /** For the help of every command (picocli's {@code exitCodeList} format). */
    static final String[] LIST = {
        "0:success",
        "1:storage unreachable or failed, or an unexpected fault",
        "2:usage error, bad configuration, or a request the rules refuse",
        "3:no such client or user",
        "4:client id or username already exists",
        "5:refused: memory storage, nothing would persist",
    };

    private ExitCodes() {
    }
}
