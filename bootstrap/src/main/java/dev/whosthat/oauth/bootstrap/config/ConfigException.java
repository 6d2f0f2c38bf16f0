package dev.whosthat.oauth.bootstrap.config;

/**
 * The configuration cannot be used. The message is one line that names the problem and where it
 * is (a JSON key with its path, or an environment variable), ready for the operator to read: the
 * caller prints it and exits with status 2, without a stack trace. It never holds a secret.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param problem what is wrong, without the {@code config: } prefix, which is added */
    public ConfigException(String problem) {
        // No stack trace to fill: this is a message for an operator, not a bug report.
        super("config: " + oneLine(problem), null, false, false);
    }

    /** Control characters (a newline inside a JSON string, say) are escaped so that the message stays one line. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A value as it appears in a message: in double quotes. */
    static String quote(Object value) {
        return "\"" + value + "\"";
    }
}
