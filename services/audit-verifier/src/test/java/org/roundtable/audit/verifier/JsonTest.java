package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void theCanonicalFormSortsMembersDropsWhitespaceAndKeepsNumbersAsWritten() {
        String text = "{ \"b\": [1, 2.50, -3e4, true, null], \"a\": {\"z\": \"x\", \"y\": {}},\n \"\u00e9\": \"caf\\u00e9\" }";
        assertThat(Json.canonical(text)).isEqualTo("{\"a\":{\"y\":{},\"z\":\"x\"},\"b\":[1,2.50,-3e4,true,null],\"\u00e9\":\"caf\u00e9\"}");
        assertThat(Json.canonical(Json.canonical(text))).isEqualTo(Json.canonical(text));
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(Json.canonical("\"quote \\\" slash \\/ tab \\t bell \\u0007 \u2028\"")).isEqualTo("\"quote \\\" slash / tab \\t bell \\u0007 \u2028\"");
    }

    @Test
    void refusesMalformedTextAndDuplicateNames() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> Json.parse("{\"a\":1,}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("[1 2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("after the value");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("missing");
    }

    @Test
    void refusesALoneSurrogateEscapedOrRawSoThatTwoTextsNeverEncodeAlike() {
        assertThatThrownBy(() -> Json.parse("\"a\\ud800b\"")).hasMessageContaining("lone surrogate (U+D800)");
        assertThatThrownBy(() -> Json.parse("\"a\\udc00\"")).hasMessageContaining("lone surrogate (U+DC00)");
        assertThatThrownBy(() -> Json.parse("\"a\ud800\"")).hasMessageContaining("lone surrogate");
        assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("\ud83d\ude00");
    }

    @Test
    void refusesNestingDeeperThanTheBoundInsteadOfOverflowingTheStack() {
        assertThat(Json.parse("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH))).isNotNull();
        assertThatThrownBy(() -> Json.parse("[".repeat(100_000))).hasMessageContaining("nested deeper than " + Json.MAX_DEPTH);
    }
}
