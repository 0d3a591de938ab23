package io.indobase.realtime.json;

import static io.indobase.realtime.json.JsonKit.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonKitTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "sub-0f3a", "with \"quotes\"", "back\\slash", "tab\tnew\nline\u0000nul\u001f",
            "unicode é 中文 😀", "</script>"})
    void aQuotedStringReadsBackAsItself(String value) {
        try (var reader = JSON.createReader(new StringReader("[" + JsonKit.quote(value) + "]"))) {
            assertEquals(value, reader.readArray().getString(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a-b_c.d"})
    void nothingToEscapeIsCopied(String value) {
        assertEquals('"' + value + '"', JsonKit.quote(value));
    }
}
