package dev.whosthat.oauth.adapter.http.authorize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a browser would from the server's pages: hidden fields, with HTML character references resolved. */
final class Html {

    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    private Html() {
    }

    /** The value of {@code <input type="hidden" name="...">}; fails the test if the page has none. */
    static String hidden(String page, String name) {
        Matcher field = Pattern.compile("<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"")
                .matcher(page);
        if (!field.find()) {
            throw new AssertionError("no hidden field " + name + " in " + page);
        }
        return unescape(field.group(1));
    }

    static boolean hasHidden(String page, String name) {
        return page.contains("<input type=\"hidden\" name=\"" + name + "\"");
    }

    /** Resolves the character references an HTML-escaping template writes. */
    static String unescape(String escaped) {
        Matcher reference = REFERENCE.matcher(escaped);
        StringBuilder text = new StringBuilder();
        while (reference.find()) {
            String ref = reference.group(1);
            String replacement = switch (ref) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(ref.startsWith("#x") || ref.startsWith("#X")
                        ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1)));
            };
            reference.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        return reference.appendTail(text).toString();
    }
}
