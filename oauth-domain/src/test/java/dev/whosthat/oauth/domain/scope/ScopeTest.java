package dev.whosthat.oauth.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    // --- parse (RFC 6749 §3.3) -------------------------------------------------------------

    @Test
    void parseSplitsOnSingleSpaces() {
        assertThat(Scope.parse("read write").orElseThrow().tokens()).containsExactly("read", "write");
    }

    @Test
    void parseOfTheEmptyStringIsTheEmptyScope() {
        assertThat(Scope.parse("").orElseThrow()).isEqualTo(Scope.EMPTY);
        assertThat(Scope.parse("").orElseThrow().isEmpty()).isTrue();
    }

    @Test
    void parseKeepsTheOrderTokensWereFirstGivenIn() {
        assertThat(Scope.parse("profile read email admin write").orElseThrow().wire())
                .isEqualTo("profile read email admin write");
    }

    @Test
    void parseCollapsesRepeatedTokens() {
        assertThat(Scope.parse("read write read").orElseThrow().wire()).isEqualTo("read write");
    }

    @Test
    void parseAcceptsEveryScopeTokenCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x21; c <= 0x7E; c++) {
            if (c != '"' && c != '\\') {
                all.append(c);
            }
        }

        assertThat(Scope.parse(all + " urn:example:scope https://api.example/read").orElseThrow().tokens())
                .containsExactly(all.toString(), "urn:example:scope", "https://api.example/read");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "read  write", " read", "read ", " ", "  ", "re\"ad", "\"read\"", "re\\ad", "réad", "read\twrite",
            "read\nwrite", "read\u00a0write", "read\u007fwrite", "read\u0000", "scope\u2028", "日本"
    })
    void parseRejectsMalformedScopeAsInvalidScope(String wire) {
        Outcome<Scope> parsed = Scope.parse(wire);

        assertThat(parsed).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.error().code()).isEqualTo(OAuthErrorCode.INVALID_SCOPE));
    }

    @Test
    void isScopeTokenRejectsNullAndEmpty() {
        assertThat(Scope.isScopeToken(null)).isFalse();
        assertThat(Scope.isScopeToken("")).isFalse();
        assertThat(Scope.isScopeToken("read")).isTrue();
    }

    // --- construction and equality ---------------------------------------------------------

    @Test
    void constructorRejectsTokensOutsideTheGrammar() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Scope(Set.of("read write")));
        assertThatIllegalArgumentException().isThrownBy(() -> new Scope(Set.of("")));
        assertThatIllegalArgumentException().isThrownBy(() -> Scope.of(List.of("ok", "not\"ok")));
    }

    @Test
    void equalityIgnoresOrder() {
        Scope one = Scope.parse("read write").orElseThrow();
        Scope other = Scope.parse("write read").orElseThrow();

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    }

    @Test
    void tokensCannotBeChangedFromOutside() {
        LinkedHashSet<String> given = new LinkedHashSet<>(List.of("read"));
        Scope scope = Scope.of(given);
        given.add("admin");

        assertThat(scope.tokens()).containsExactly("read");
        assertThatThrownBy(() -> scope.tokens().add("admin")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofCollectionKeepsTheOrderTokensWereGivenIn() {
        assertThat(Scope.of(List.of("c", "a", "b", "a")).wire()).isEqualTo("c a b");
    }

    @Test
    void ofTokensKeepsTheOrderTokensWereGivenIn() {
        assertThat(Scope.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10").wire())
                .isEqualTo("t1 t2 t3 t4 t5 t6 t7 t8 t9 t10");
    }

    @Test
    void wireJoinsWithSingleSpacesAndRoundTrips() {
        Scope scope = Scope.parse("a b c").orElseThrow();

        assertThat(scope.wire()).isEqualTo("a b c");
        assertThat(Scope.parse(scope.wire()).orElseThrow()).isEqualTo(scope);
        assertThat(scope).hasToString("a b c");
    }

    @Test
    void containsAndWithin() {
        Scope readWrite = scope("read write");

        assertThat(readWrite.contains("read")).isTrue();
        assertThat(readWrite.contains("admin")).isFalse();
        assertThat(scope("read").within(readWrite)).isTrue();
        assertThat(readWrite.within(readWrite)).isTrue();
        assertThat(Scope.EMPTY.within(readWrite)).isTrue();
        assertThat(scope("read admin").within(readWrite)).isFalse();
    }

    // --- narrow ----------------------------------------------------------------------------

    @Test
    void narrowingNothingGrantsAllThatIsAllowed() {
        assertThat(Scope.narrow(Scope.EMPTY, scope("read write")).orElseThrow()).isEqualTo(scope("read write"));
    }

    @Test
    void narrowingToAPartGrantsThatPart() {
        assertThat(Scope.narrow(scope("read"), scope("read write")).orElseThrow()).isEqualTo(scope("read"));
    }

    @Test
    void narrowingToAllGrantsAll() {
        assertThat(Scope.narrow(scope("write read"), scope("read write")).orElseThrow()).isEqualTo(scope("read write"));
    }

    @Test
    void askingBeyondWhatIsAllowedIsInvalidScope() {
        assertInvalidScope(Scope.narrow(scope("read admin"), scope("read write")));
        assertInvalidScope(Scope.narrow(scope("admin"), scope("read write")));
        assertInvalidScope(Scope.narrow(scope("read"), Scope.EMPTY));
    }

    @Test
    void narrowingNothingAgainstNothingIsEmpty() {
        assertThat(Scope.narrow(Scope.EMPTY, Scope.EMPTY).orElseThrow().isEmpty()).isTrue();
    }

    private static Scope scope(String wire) {
        return Scope.parse(wire).orElseThrow();
    }

    private static void assertInvalidScope(Outcome<Scope> outcome) {
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class,
                rejected -> assertThat(rejected.error().code()).isEqualTo(OAuthErrorCode.INVALID_SCOPE));
    }
}
