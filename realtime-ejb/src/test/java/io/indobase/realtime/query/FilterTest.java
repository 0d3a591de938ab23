package io.indobase.realtime.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a subscription's queries judge an event's payload, as Appwrite's RuntimeQuery does in PHP 8. Each row is the
 * queries (separated by {@code ;;}), the payload and the verdict. Numbers keep PHP's int/float split: a literal with a
 * fraction or an exponent is a float, and {@code ===} never equates an int with a float.
 */
class FilterTest {

    private static boolean matches(String queries, String payload) {
        List<String> list = Arrays.stream(queries.split(";;")).map(String::strip).toList();
        JsonObject object = Json.createReader(new StringReader(payload)).readObject();
        return Queries.compile(list).filter().matches(object);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[1]}          ¦ {\"n\":1}        ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[1]}          ¦ {\"n\":1.0}      ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[1]}          ¦ {\"n\":\"1\"}    ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[10]}         ¦ {\"n\":1e1}      ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[1.0]}        ¦ {\"n\":1.0}      ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[1.5]}        ¦ {\"n\":1.50}     ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[9223372036854775808]} ¦ {\"n\":9223372036854775808} ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"s\",\"values\":[\"a\",\"b\"]} ¦ {\"s\":\"b\"}    ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"s\",\"values\":[\"a\"]}      ¦ {\"S\":\"a\"}    ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"s\",\"values\":[\"a\"]}      ¦ {}               ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"s\",\"values\":[]}           ¦ {\"s\":\"a\"}    ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"s\",\"values\":[null]}       ¦ {\"s\":null}     ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"s\",\"values\":[null]}       ¦ {}               ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"b\",\"values\":[true]}       ¦ {\"b\":true}     ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"b\",\"values\":[true]}       ¦ {\"b\":1}        ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[[1,2]]}      ¦ {\"a\":[1,2]}    ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[[1,2]]}      ¦ {\"a\":[2,1]}    ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"o\",\"values\":[{\"x\":1}]}  ¦ {\"o\":{\"x\":1}} ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"o\",\"values\":[{\"x\":1,\"y\":2}]} ¦ {\"o\":{\"y\":2,\"x\":1}} ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"o\",\"values\":[[5]]}        ¦ {\"o\":{\"0\":5}} ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"1\",\"values\":[\"x\"]}      ¦ {\"1\":\"x\"}    ¦ true",
            "{\"method\":\"notEqual\",\"attribute\":\"s\",\"values\":[\"a\"]}   ¦ {\"s\":\"b\"}    ¦ true",
            "{\"method\":\"notEqual\",\"attribute\":\"s\",\"values\":[\"a\"]}   ¦ {\"s\":\"a\"}    ¦ false",
            "{\"method\":\"notEqual\",\"attribute\":\"s\",\"values\":[\"a\"]}   ¦ {}               ¦ false",
            "{\"method\":\"notEqual\",\"attribute\":\"s\",\"values\":[\"a\"]}   ¦ {\"s\":null}     ¦ true",
            "{\"method\":\"notEqual\",\"attribute\":\"n\",\"values\":[1]}       ¦ {\"n\":1.0}      ¦ true",
            "{\"method\":\"notEqual\",\"attribute\":\"s\",\"values\":[\"a\",\"b\"]} ¦ {\"s\":\"b\"} ¦ false",
    })
    void equality(String queries, String payload, boolean expected) {
        assertEquals(expected, matches(queries, payload));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[10]}       ¦ {\"n\":9}       ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[10]}       ¦ {\"n\":10}      ¦ false",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[10]}       ¦ {\"n\":9.5}     ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[10]}       ¦ {\"n\":\"9\"}   ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[10]}       ¦ {\"n\":\" 9 \"} ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[10]}       ¦ {\"n\":\"abc\"} ¦ false",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[\"abc\"]}  ¦ {\"n\":10}      ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[1,100]}    ¦ {\"n\":50}      ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[9007199254740993]} ¦ {\"n\":9007199254740992} ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"s\",\"values\":[\"b\"]}    ¦ {\"s\":\"a\"}   ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"s\",\"values\":[\"b\"]}    ¦ {\"s\":\"B\"}   ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"s\",\"values\":[\"b\"]}    ¦ {\"s\":\"bb\"}  ¦ false",
            "{\"method\":\"lessThan\",\"attribute\":\"s\",\"values\":[\"10\"]}   ¦ {\"s\":\"9\"}   ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"s\",\"values\":[\"10\"]}   ¦ {\"s\":\"9a\"}  ¦ false",
            "{\"method\":\"lessThan\",\"attribute\":\"s\",\"values\":[\"1e3\"]}  ¦ {\"s\":\"999\"} ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"s\",\"values\":[\"é\"]}    ¦ {\"s\":\"z\"}   ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[5]}        ¦ {\"n\":null}    ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[0]}        ¦ {\"n\":null}    ¦ false",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[-1]}       ¦ {\"n\":null}    ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[\"a\"]}    ¦ {\"n\":null}    ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[\"\"]}     ¦ {\"n\":null}    ¦ false",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[5]}        ¦ {\"n\":false}   ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[5]}        ¦ {}              ¦ false",
            "{\"method\":\"lessThanEqual\",\"attribute\":\"n\",\"values\":[10]}  ¦ {\"n\":10.0}    ¦ true",
            "{\"method\":\"lessThanEqual\",\"attribute\":\"d\",\"values\":[\"2026-01-01T00:00:00.000+00:00\"]} ¦ {\"d\":\"2025-12-31T23:59:59.999+00:00\"} ¦ true",
            "{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[5]}     ¦ {\"n\":true}    ¦ false",
            "{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[5]}     ¦ {\"n\":[1]}     ¦ true",
            "{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[[1,2]]} ¦ {\"n\":[3]}     ¦ false",
            "{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[[1]]}   ¦ {\"n\":[2]}     ¦ true",
            "{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[{\"a\":1}]} ¦ {\"n\":{\"b\":0}} ¦ false",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[{\"a\":1}]} ¦ {\"n\":{\"b\":0}} ¦ false",
            "{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[1]}     ¦ {\"n\":1.0000001} ¦ true",
            "{\"method\":\"greaterThanEqual\",\"attribute\":\"n\",\"values\":[10]} ¦ {\"n\":10}    ¦ true",
            "{\"method\":\"greaterThanEqual\",\"attribute\":\"n\",\"values\":[10]} ¦ {\"n\":\"10.0\"} ¦ true",
            "{\"method\":\"greaterThanEqual\",\"attribute\":\"n\",\"values\":[10]} ¦ {\"n\":9}     ¦ false",
    })
    void ordering(String queries, String payload, boolean expected) {
        assertEquals(expected, matches(queries, payload));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "{\"method\":\"isNull\",\"attribute\":\"x\"}     ¦ {\"x\":null} ¦ true",
            "{\"method\":\"isNull\",\"attribute\":\"x\"}     ¦ {}           ¦ false",
            "{\"method\":\"isNull\",\"attribute\":\"x\"}     ¦ {\"x\":0}    ¦ false",
            "{\"method\":\"isNull\",\"attribute\":\"x\"}     ¦ {\"x\":\"\"} ¦ false",
            "{\"method\":\"isNotNull\",\"attribute\":\"x\"}  ¦ {\"x\":0}    ¦ true",
            "{\"method\":\"isNotNull\",\"attribute\":\"x\"}  ¦ {}           ¦ false",
            "{\"method\":\"isNotNull\",\"attribute\":\"x\"}  ¦ {\"x\":null} ¦ false",
    })
    void nullAgainstMissing(String queries, String payload, boolean expected) {
        assertEquals(expected, matches(queries, payload));
    }

    private static final String NESTED = "{\"method\":\"and\",\"values\":[{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]},"
            + "{\"method\":\"or\",\"values\":[{\"method\":\"equal\",\"attribute\":\"b\",\"values\":[2]},"
            + "{\"method\":\"isNull\",\"attribute\":\"c\"}]}]}";

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "NESTED ¦ {\"a\":1,\"b\":3,\"c\":null} ¦ true",
            "NESTED ¦ {\"a\":1,\"b\":2}            ¦ true",
            "NESTED ¦ {\"a\":1,\"b\":3}            ¦ false",
            "NESTED ¦ {\"a\":2,\"b\":2}            ¦ false",
            "NESTED ¦ {\"a\":1}                    ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]} ;; {\"method\":\"equal\",\"attribute\":\"b\",\"values\":[2]} ¦ {\"a\":1,\"b\":2} ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]} ;; {\"method\":\"equal\",\"attribute\":\"b\",\"values\":[2]} ¦ {\"a\":1,\"b\":3} ¦ false",
            "{\"method\":\"or\",\"values\":[{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]},{\"method\":\"equal\",\"attribute\":\"b\",\"values\":[2]}]} ¦ {\"b\":2} ¦ true",
            "{\"method\":\"or\",\"values\":[{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]},{\"method\":\"and\",\"values\":[{\"method\":\"notEqual\",\"attribute\":\"b\",\"values\":[2]},{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[0]}]}]} ¦ {\"b\":3,\"n\":1} ¦ true",
            "{\"method\":\"or\",\"values\":[{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]},{\"method\":\"and\",\"values\":[{\"method\":\"notEqual\",\"attribute\":\"b\",\"values\":[2]},{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[0]}]}]} ¦ {\"b\":3} ¦ false",
            "{\"method\":\"and\"} ¦ {} ¦ true",
            "{\"method\":\"or\"}  ¦ {} ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]} ;; {\"method\":\"select\",\"values\":[\"*\"]} ¦ {\"a\":2} ¦ true",
            "{\"method\":\"or\",\"values\":[{\"method\":\"select\",\"values\":[\"*\"]},{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]}]} ¦ {\"a\":2} ¦ false",
            "{\"method\":\"or\",\"values\":[{\"method\":\"select\",\"values\":[\"*\"]},{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[1]}]} ¦ {\"a\":1} ¦ true",
    })
    void logicalTrees(String queries, String payload, boolean expected) {
        assertEquals(expected, matches(queries.replace("NESTED", NESTED), payload));
    }

    /** Beyond Appwrite: contains, startsWith, endsWith, between and dotted paths. */
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "{\"method\":\"contains\",\"attribute\":\"t\",\"values\":[\"x\"]}       ¦ {\"t\":[\"x\",\"y\"]} ¦ true",
            "{\"method\":\"contains\",\"attribute\":\"t\",\"values\":[\"x\"]}       ¦ {\"t\":[\"xy\"]}      ¦ false",
            "{\"method\":\"contains\",\"attribute\":\"t\",\"values\":[\"x\"]}       ¦ {\"t\":\"axb\"}       ¦ true",
            "{\"method\":\"contains\",\"attribute\":\"t\",\"values\":[\"q\",\"b\"]} ¦ {\"t\":\"axb\"}       ¦ true",
            "{\"method\":\"contains\",\"attribute\":\"t\",\"values\":[1]}           ¦ {\"t\":[1.0]}         ¦ false",
            "{\"method\":\"contains\",\"attribute\":\"t\",\"values\":[1]}           ¦ {\"t\":{\"k\":1}}     ¦ true",
            "{\"method\":\"contains\",\"attribute\":\"t\",\"values\":[1]}           ¦ {\"t\":1}             ¦ false",
            "{\"method\":\"startsWith\",\"attribute\":\"s\",\"values\":[\"Ad\"]}    ¦ {\"s\":\"Ada\"}       ¦ true",
            "{\"method\":\"startsWith\",\"attribute\":\"s\",\"values\":[\"ad\"]}    ¦ {\"s\":\"Ada\"}       ¦ false",
            "{\"method\":\"startsWith\",\"attribute\":\"s\",\"values\":[\"5\"]}     ¦ {\"s\":55}            ¦ false",
            "{\"method\":\"endsWith\",\"attribute\":\"s\",\"values\":[\".jpg\",\".png\"]} ¦ {\"s\":\"a.png\"} ¦ true",
            "{\"method\":\"endsWith\",\"attribute\":\"s\",\"values\":[\".jpg\"]}    ¦ {\"s\":\"a.png\"}     ¦ false",
            "{\"method\":\"between\",\"attribute\":\"n\",\"values\":[1,10]}         ¦ {\"n\":1}             ¦ true",
            "{\"method\":\"between\",\"attribute\":\"n\",\"values\":[1,10]}         ¦ {\"n\":10.0}          ¦ true",
            "{\"method\":\"between\",\"attribute\":\"n\",\"values\":[1,10]}         ¦ {\"n\":11}            ¦ false",
            "{\"method\":\"between\",\"attribute\":\"n\",\"values\":[1,10]}         ¦ {\"n\":\"5\"}         ¦ true",
            "{\"method\":\"between\",\"attribute\":\"n\",\"values\":[1,10]}         ¦ {}                    ¦ false",
            "{\"method\":\"between\",\"attribute\":\"d\",\"values\":[\"2026-01\",\"2026-02\"]} ¦ {\"d\":\"2026-01-15\"} ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"a.b\",\"values\":[1]}            ¦ {\"a\":{\"b\":1}}     ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"a.b\",\"values\":[1]}            ¦ {\"a.b\":1}           ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"a.b\",\"values\":[1]}            ¦ {\"a.b\":2,\"a\":{\"b\":1}} ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"a.b.c\",\"values\":[1]}          ¦ {\"a\":{\"b\":{\"c\":1}}} ¦ true",
            "{\"method\":\"equal\",\"attribute\":\"a.b.c\",\"values\":[1]}          ¦ {\"a\":{\"b\":1}}     ¦ false",
            "{\"method\":\"equal\",\"attribute\":\"a.1\",\"values\":[5]}            ¦ {\"a\":[4,5]}         ¦ true",
            "{\"method\":\"isNull\",\"attribute\":\"a.b\"}                          ¦ {\"a\":{}}            ¦ false",
            "{\"method\":\"isNull\",\"attribute\":\"a.b\"}                          ¦ {\"a\":{\"b\":null}}  ¦ true",
    })
    void extensions(String queries, String payload, boolean expected) {
        assertEquals(expected, matches(queries, payload));
    }

    /** PHP reads a number beyond a double's range as INF (0 when tiny), and compares INF with a word as "INF". */
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[\"abc\"]}    ¦ {\"n\":1e999}          ¦ true",
            "{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[\"abc\"]} ¦ {\"n\":1e999}          ¦ false",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[\"abc\"]}    ¦ {\"n\":-1e999}         ¦ true",
            "{\"method\":\"between\",\"attribute\":\"n\",\"values\":[\"a\",\"z\"]} ¦ {\"n\":1e999}         ¦ false",
            "{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[10]}        ¦ {\"n\":1e999}          ¦ true",
            "{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[10]}           ¦ {\"n\":1e999}          ¦ false",
    })
    void numbersBeyondADoublesRange(String queries, String payload, boolean expected) {
        assertEquals(expected, matches(queries, payload));
    }
}
