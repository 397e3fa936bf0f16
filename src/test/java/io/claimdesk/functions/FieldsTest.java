package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Order and refund ids are checked by pattern and length before they reach DynamoDB or a log line:
 * letters, digits and {@code . _ -}, starting with a letter or digit, at most 64 characters.
 */
class FieldsTest {

    static final Pattern ID = Fields.ID;

    @ParameterizedTest
    @ValueSource(strings = {"171-5550123-7654321", "A", "rf-0001", "rf_2026.03.15", "0",
            "Abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})
    void accepts(String id) {
        assertThat(ID.matcher(id).matches()).isTrue();
        assertThat(id.length()).isLessThanOrEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "a b", " a", "a ", "a#b", "#a", "a:b", ":a", "a$b", "$a", "a.b#c", "a/b", "a\\b", "a'b", "a\"b",
            "a,b", "a;b", "a=b", "a(b)", "a[0]", "a{b}", "a|b", "a*b", "a%b", "a@b", "a\nb", "a\tb", "a\u0000b",
            "-a", ".a", "_a", "é", "ordér", "a\u200Bb", "Ａ",
            "Abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})
    void refuses(String id) {
        assertThat(ID.matcher(id).matches()).as("'%s' (%d chars)", id, id.length()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64})
    void takesUpToSixtyFourCharacters(int length) {
        assertThat(ID.matcher("a".repeat(length)).matches()).isTrue();
        assertThat(ID.matcher("a".repeat(length + 64)).matches()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 66, 100, 1000})
    void refusesLongerIds(int length) {
        assertThat(ID.matcher("a".repeat(length)).matches()).isFalse();
    }

    /** No id can carry a DynamoDB expression token (#name, :value), a path (a.b[0]) being the only other worry. */
    @ParameterizedTest
    @ValueSource(strings = {"#", ":", "$", " ", "[", "]", "(", ")", ",", "=", "<", ">"})
    void noExpressionCharacterEverPasses(String character) {
        assertThat(ID.matcher("a" + character + "b").matches()).isFalse();
        assertThat(ID.matcher("a" + character).matches()).isFalse();
    }
}
