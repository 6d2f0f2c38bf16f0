package dev.whosthat.oauth.domain.text;

/**
 * Character-range checks for the values that every request builds (client ids, source addresses),
 * as plain loops: a {@code chars().allMatch(...)} stream per value cost more than the check itself.
 */
public final class Ascii {

    private Ascii() {
    }

    /** True when every character of the text is between {@code first} and {@code last}, both included. */
    public static boolean allWithin(String text, char first, char last) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < first || c > last) {
                return false;
            }
        }
        return true;
    }
}
