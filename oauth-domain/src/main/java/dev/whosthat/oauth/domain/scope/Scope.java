package dev.whosthat.oauth.domain.scope;

import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A set of scope tokens (RFC 6749 §3.3). Keeps the order in which tokens were first given, so
 * that responses are stable; equality ignores order.
 */
public record Scope(Set<String> tokens) {

    public static final Scope EMPTY = new Scope(Set.of());

    public Scope {
        LinkedHashSet<String> copy = new LinkedHashSet<>();
        for (String token : tokens) {
            if (!isScopeToken(token)) {
                throw new IllegalArgumentException("not an RFC 6749 scope token: " + token);
            }
            copy.add(token);
        }
        tokens = Collections.unmodifiableSet(copy);
    }

    public static Scope of(String... tokens) {
        return new Scope(new LinkedHashSet<>(Arrays.asList(tokens)));
    }

    public static Scope of(Collection<String> tokens) {
        return new Scope(new LinkedHashSet<>(tokens));
    }

    /**
     * Parses the space-delimited wire form (RFC 6749 §3.3). An empty string is the empty scope; a
     * malformed one is {@code invalid_scope}.
     */
    public static Outcome<Scope> parse(String wire) {
        if (wire.isEmpty()) {
            return Outcome.ok(EMPTY);
        }
        LinkedHashSet<String> tokens = new LinkedHashSet<>();
        for (String token : wire.split(" ", -1)) {
            if (!isScopeToken(token)) {
                return Outcome.rejected(OAuthErrorCode.INVALID_SCOPE, "scope is malformed");
            }
            tokens.add(token);
        }
        return Outcome.ok(new Scope(tokens));
    }

    /** scope-token = 1*( %x21 / %x23-5B / %x5D-7E ) */
    public static boolean isScopeToken(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public boolean contains(String token) {
        return tokens.contains(token);
    }

    public boolean within(Scope allowed) {
        return allowed.tokens.containsAll(tokens);
    }

    /**
     * The scope to grant for a request against what the grant allows: nothing asked means all of
     * it (RFC 6749 §3.3 lets the server default); anything outside it is {@code invalid_scope}.
     */
    public static Outcome<Scope> narrow(Scope requested, Scope allowed) {
        if (requested.isEmpty()) {
            return Outcome.ok(allowed);
        }
        if (!requested.within(allowed)) {
            return Outcome.rejected(OAuthErrorCode.INVALID_SCOPE, "requested scope exceeds what was granted to the client");
        }
        return Outcome.ok(requested);
    }

    /** The space-delimited wire form. */
    public String wire() {
        return String.join(" ", tokens);
    }

    @Override
    public String toString() {
        return wire();
    }
}
