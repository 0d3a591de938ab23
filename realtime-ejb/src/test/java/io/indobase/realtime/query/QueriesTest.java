package io.indobase.realtime.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a subscription's queries are refused with (utopia's and Appwrite's messages) and how they are echoed. */
class QueriesTest {

    private static List<String> list(String queries) {
        return Arrays.stream(queries.split(";;")).map(String::strip).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "not json                                   ¦ Invalid query: Syntax error",
            "{\"method\":\"equal\"} trailing             ¦ Invalid query: Syntax error",
            "``                                         ¦ Invalid query: Syntax error",
            "5                                          ¦ Invalid query. Must be an array, got integer",
            "5.5                                        ¦ Invalid query. Must be an array, got double",
            "\"equal\"                                  ¦ Invalid query. Must be an array, got string",
            "null                                       ¦ Invalid query. Must be an array, got NULL",
            "[]                                         ¦ `Invalid query method: `",
            "[\"equal\"]                                ¦ `Invalid query method: `",
            "{}                                         ¦ `Invalid query method: `",
            "{\"method\":null}                          ¦ `Invalid query method: `",
            "{\"method\":1}                             ¦ Invalid query method. Must be a string, got integer",
            "{\"method\":[\"equal\"]}                   ¦ Invalid query method. Must be a string, got array",
            "{\"method\":\"shout\"}                     ¦ Invalid query method: shout",
            "{\"method\":\"equal\",\"attribute\":5}     ¦ Invalid query attribute. Must be a string, got integer",
            "{\"method\":\"equal\",\"values\":\"x\"}    ¦ Invalid query values. Must be an array, got string",
            "{\"method\":\"and\",\"values\":[\"x\"]}    ¦ Invalid query. Must be an array, got string",
            "{\"method\":\"and\",\"values\":[{\"method\":\"shout\"}]} ¦ Invalid query method: shout",
            "{\"method\":\"search\",\"attribute\":\"a\",\"values\":[\"x\"]} ¦ Query method 'search' is not supported in Realtime queries. Allowed: equal, notEqual, lessThan, lessThanEqual, greaterThan, greaterThanEqual, isNull, isNotNull, and, or, select, contains, startsWith, endsWith, between",
            "{\"method\":\"or\",\"values\":[{\"method\":\"limit\",\"values\":[1]}]} ¦ Query method 'limit' is not supported in Realtime queries. Allowed: equal, notEqual, lessThan, lessThanEqual, greaterThan, greaterThanEqual, isNull, isNotNull, and, or, select, contains, startsWith, endsWith, between",
            "{\"method\":\"elemMatch\",\"values\":[]}   ¦ Query method 'elemMatch' is not supported in Realtime queries. Allowed: equal, notEqual, lessThan, lessThanEqual, greaterThan, greaterThanEqual, isNull, isNotNull, and, or, select, contains, startsWith, endsWith, between",
            "{\"method\":\"select\",\"values\":[\"name\"]} ¦ Only select(\"*\") is allowed in Realtime queries. select(\"*\") means \"listen to all events\".",
            "{\"method\":\"select\",\"values\":[\"*\",\"name\"]} ¦ Only select(\"*\") is allowed in Realtime queries. select(\"*\") means \"listen to all events\".",
            "{\"method\":\"and\",\"values\":[{\"method\":\"select\",\"values\":[]}]} ¦ Only select(\"*\") is allowed in Realtime queries. select(\"*\") means \"listen to all events\".",
            "{\"method\":\"between\",\"attribute\":\"n\",\"values\":[1]} ¦ Query method 'between' needs exactly two values, the lower and the upper bound.",
            "not json ;; []                             ¦ Invalid query: Syntax error",
            "{\"method\":\"search\"} ;; {\"method\":\"regex\"} ¦ Query method 'regex' is not supported in Realtime queries. Allowed: equal, notEqual, lessThan, lessThanEqual, greaterThan, greaterThanEqual, isNull, isNotNull, and, or, select, contains, startsWith, endsWith, between",
            "{\"method\":\"regex\"} ;; shout            ¦ Invalid query: Syntax error",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[1e999]}  ¦ Invalid query: Inf and NaN cannot be JSON encoded",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[-1e99999999999]} ¦ Invalid query: Inf and NaN cannot be JSON encoded",
            "{\"method\":\"or\",\"values\":[{\"method\":\"lessThan\",\"attribute\":\"n\",\"values\":[1e400]}]} ¦ Invalid query: Inf and NaN cannot be JSON encoded",
    })
    void refusesWithUtopiasAndAppwritesMessages(String queries, String message) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> Queries.compile(list(queries)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesNestingDeeperThanPhpDecodes() {
        String deep = "[".repeat(513) + "]".repeat(513);
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> Queries.compile(List.of(
                "{\"method\":\"equal\",\"attribute\":\"a\",\"values\":" + deep + "}")));
        assertEquals("Invalid query: Maximum stack depth exceeded", e.getMessage());
        String fits = "[".repeat(510) + "]".repeat(510);
        Queries.compile(List.of("{\"method\":\"equal\",\"attribute\":\"a\",\"values\":" + fits + "}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "{\"method\":\"equal\",\"attribute\":\"status\",\"values\":[\"active\"]} ¦ {\"method\":\"equal\",\"attribute\":\"status\",\"values\":[\"active\"]}",
            "{ \"values\" : [ \"a/b\" ], \"attribute\" : \"x\", \"method\" : \"equal\", \"extra\": 1 } ¦ {\"method\":\"equal\",\"attribute\":\"x\",\"values\":[\"a\\/b\"]}",
            "{\"method\":\"equal\",\"attribute\":\"name\",\"values\":[\"café\",\"\\u0001\",\"\\\"\"]} ¦ {\"method\":\"equal\",\"attribute\":\"name\",\"values\":[\"caf\\u00e9\",\"\\u0001\",\"\\\"\"]}",
            "{\"method\":\"isNull\",\"attribute\":\"x\"}                               ¦ {\"method\":\"isNull\",\"attribute\":\"x\",\"values\":[]}",
            "{\"method\":\"equal\",\"attribute\":\"\",\"values\":[1]}                  ¦ {\"method\":\"equal\",\"values\":[1]}",
            "{\"method\":\"equal\",\"attribute\":\"0\",\"values\":[1]}                 ¦ {\"method\":\"equal\",\"values\":[1]}",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[1.50,10.0,1e25,0.00001,0.0001,-2.5,0.0]} ¦ {\"method\":\"equal\",\"attribute\":\"n\",\"values\":[1.5,10,1.0e+25,1.0e-5,0.0001,-2.5,0]}",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":{\"a\":1,\"b\":true}} ¦ {\"method\":\"equal\",\"attribute\":\"n\",\"values\":[1,true]}",
            "{\"method\":\"equal\",\"attribute\":\"n\",\"values\":[{\"x\":null},{},{\"0\":\"a\",\"1\":\"b\"}]} ¦ {\"method\":\"equal\",\"attribute\":\"n\",\"values\":[{\"x\":null},[],[\"a\",\"b\"]]}",
            "{\"method\":\"and\"}                                                      ¦ {\"method\":\"and\"}",
            "{\"method\":\"or\",\"values\":[{\"method\":\"isNull\",\"attribute\":\"a\"},{\"method\":\"and\",\"values\":[{\"method\":\"equal\",\"attribute\":\"b\",\"values\":[2]}]}]} ¦ {\"method\":\"or\",\"values\":[{\"method\":\"isNull\",\"attribute\":\"a\",\"values\":[]},{\"method\":\"and\",\"values\":[{\"method\":\"equal\",\"attribute\":\"b\",\"values\":[2]}]}]}",
            "{\"method\":\"select\",\"attribute\":null,\"values\":[\"*\"]}              ¦ {\"method\":\"select\",\"values\":[\"*\"]}",
    })
    void echoesEachQueryAsUtopiaWritesItBack(String query, String canonical) {
        assertEquals(List.of(canonical), Queries.compile(List.of(query)).canonical());
    }

    @Test
    void noQueriesSelectEverythingAndEchoNothing() {
        assertSame(CompiledQueries.ALL, Queries.compile(List.of()));
        assertEquals(List.of(Queries.SELECT_ALL), Queries.compile(List.of(Queries.SELECT_ALL)).canonical());
        assertSame(Filter.ALL, Queries.compile(List.of(Queries.SELECT_ALL)).filter());
    }
}
