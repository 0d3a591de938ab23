package io.indobase.realtime.transport.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.indobase.realtime.presence.PresenceRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientMessagesTest {

    @Test
    void pingNeedsNoData() {
        assertInstanceOf(ClientMessage.Ping.class, ClientMessages.parse("{\"type\":\"ping\"}"));
    }

    @Test
    void subscribeBatchWithOptionalIdsAndSelectAllQueries() {
        ClientMessage.Subscribe s = (ClientMessage.Subscribe) ClientMessages.parse("""
                {"type":"subscribe","data":[{"subscriptionId":"s1","channels":["files","documents"]},
                 {"channels":["account"],"queries":["{\\"method\\":\\"select\\",\\"attribute\\":null,\\"values\\":[\\"*\\"]}"]}]}""");
        assertEquals(2, s.items().size());
        assertEquals("s1", s.items().get(0).subscriptionId());
        assertEquals(List.of("files", "documents"), s.items().get(0).channels());
        assertEquals(null, s.items().get(1).subscriptionId());
        assertEquals(List.of("{\"method\":\"select\",\"values\":[\"*\"]}"), s.items().get(1).queries());
    }

    @Test
    void filterQueriesAreAcceptedAndEchoedAsUtopiaWritesThem() {
        ClientMessage.Subscribe s = (ClientMessage.Subscribe) ClientMessages.parse("""
                {"type":"subscribe","data":[{"channels":["documents"],"queries":[
                 "{\\"values\\":[\\"a/b\\"],\\"method\\":\\"equal\\",\\"attribute\\":\\"path\\"}",
                 "{\\"method\\":\\"greaterThan\\",\\"attribute\\":\\"size\\",\\"values\\":[10]}"]},
                 {"channels":["files"],"queries":[]}]}""");
        assertEquals(List.of("{\"method\":\"equal\",\"attribute\":\"path\",\"values\":[\"a\\/b\"]}",
                "{\"method\":\"greaterThan\",\"attribute\":\"size\",\"values\":[10]}"), s.items().get(0).queries());
        assertEquals(List.of(), s.items().get(1).queries(), "Appwrite echoes no queries as none");
    }

    @Test
    void unsubscribeBatch() {
        ClientMessage.Unsubscribe u = (ClientMessage.Unsubscribe) ClientMessages.parse(
                "{\"type\":\"unsubscribe\",\"data\":[{\"subscriptionId\":\"a\"},{\"subscriptionId\":\"b\"}]}");
        assertEquals(List.of("a", "b"), u.subscriptionIds());
    }

    @Test
    void authenticationCarriesTheSession() {
        assertEquals("x", ((ClientMessage.Authenticate) ClientMessages.parse(
                "{\"type\":\"authentication\",\"data\":{\"session\":\"x\"}}")).session());
    }

    @Test
    void presenceCarriesItsParametersWithAppwritesDefaults() {
        PresenceRequest minimal = ((ClientMessage.Presence) ClientMessages.parse(
                "{\"type\":\"presence\",\"data\":{\"status\":\"online\",\"metadata\":null}}")).request();
        assertEquals(new PresenceRequest("online", "unique()", null, null), minimal);
        PresenceRequest full = ((ClientMessage.Presence) ClientMessages.parse("""
                {"type":"presence","data":{"status":"away","presenceId":"pr1","metadata":{"room":"a"},
                 "permissions":["read(\\"any\\")","write(\\"user:u1\\")"],"extra":1}}""")).request();
        assertEquals("pr1", full.presenceId());
        assertEquals("{\"room\":\"a\"}", full.metadata().toString());
        assertEquals(List.of("read(\"any\")", "write(\"user:u1\")"), full.permissions());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json|Message format is not valid.",
            "{\"type\":\"ping\"} trailing|Message format is not valid.",
            "{\"type\":\"ping\",\"n\":1e99999999999}|Message format is not valid.",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[\"files\"],\"queries\":[\"{\\\"method\\\":\\\"equal\\\",\\\"attribute\\\":\\\"n\\\",\\\"values\\\":[1e999]}\"]}]}|Invalid query: Invalid query: Inf and NaN cannot be JSON encoded",
            "''|Message format is not valid.",
            "[]|Message format is not valid.",
            "{}|Message format is not valid.",
            "{\"data\":[]}|Message type is not valid.",
            "{\"type\":7}|Message type is not valid.",
            "{\"type\":\"shout\"}|Message type is not valid.",
            "{\"type\":\"authentication\",\"data\":{}}|Payload is not valid. Session is required",
            "{\"type\":\"authentication\",\"data\":\"s\"}|Payload is not valid. Session is required",
            "{\"type\":\"authentication\",\"data\":{\"session\":7}}|session: Value must be a valid string and at least 1 chars and no longer than 2048 chars",
            "{\"type\":\"authentication\",\"data\":{\"session\":null}}|session: Value must be a valid string and at least 1 chars and no longer than 2048 chars",
            "{\"type\":\"subscribe\"}|Payload is not valid. Items is required",
            "{\"type\":\"subscribe\",\"data\":{}}|items: Payload is not valid.",
            "{\"type\":\"subscribe\",\"data\":[1]}|items: Each subscribe payload must be an object.",
            "{\"type\":\"subscribe\",\"data\":[{}]}|items: channels is not present in payload.",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":\"files\"}]}|items: channels is not a valid array.",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":null}]}|items: channels is not a valid array.",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[null]}]}|items: channels must contain only strings.",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"subscriptionId\":\"_bad\"}]}|items: subscriptionId is not a valid id.",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"subscriptionId\":null}]}|items: subscriptionId is not a valid id.",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":\"x\"}]}|items: queries is not a valid array.",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":[\"{}\"]}]}|'Invalid query: Invalid query method: '",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":[\"not json\"]}]}|Invalid query: Invalid query: Syntax error",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":[\"{\\\"method\\\":\\\"search\\\"}\"]}]}|Invalid query: Query method 'search' is not supported in Realtime queries. Allowed: equal, notEqual, lessThan, lessThanEqual, greaterThan, greaterThanEqual, isNull, isNotNull, and, or, select, contains, startsWith, endsWith, between",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":[\"{\\\"method\\\":\\\"select\\\",\\\"values\\\":[\\\"name\\\"]}\"]}]}|Invalid query: Only select(\"*\") is allowed in Realtime queries. select(\"*\") means \"listen to all events\".",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":[\"5\"]}]}|Invalid query: Invalid query. Must be an array, got integer",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":[\"{\\\"method\\\":1}\"]}]}|Invalid query: Invalid query method. Must be a string, got integer",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":[\"{\\\"method\\\":\\\"shout\\\"}\"]}]}|Invalid query: Invalid query method: shout",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":[42]}]}|items: queries must contain only strings.",
            "{\"type\":\"unsubscribe\",\"data\":[{\"subscriptionId\":\"\"}]}|items: Each unsubscribe payload must include a non-empty subscriptionId.",
            "{\"type\":\"unsubscribe\",\"data\":[\"a\"]}|items: Each unsubscribe payload must include a non-empty subscriptionId.",
            "{\"type\":\"unsubscribe\",\"data\":{}}|items: Payload is not valid.",
            "{\"type\":\"presence\"}|Payload is not valid. Status is required",
            "{\"type\":\"presence\",\"data\":[\"online\"]}|Payload is not valid. Status is required",
            "{\"type\":\"presence\",\"data\":{\"presenceId\":\"p\",\"metadata\":{}}}|Payload is not valid. Status is required",
            "{\"type\":\"presence\",\"data\":{\"status\":\"\"}}|status: Value must be a valid string and at least 1 chars and no longer than 2048 chars",
            "{\"type\":\"presence\",\"data\":{\"status\":null}}|status: Value must be a valid string and at least 1 chars and no longer than 2048 chars",
            "{\"type\":\"presence\",\"data\":{\"status\":\"on\",\"presenceId\":\"0123456789012345678901234567890123456\"}}|presenceId: Value must be a valid string and at least 1 chars and no longer than 36 chars",
            "{\"type\":\"presence\",\"data\":{\"status\":\"on\",\"presenceId\":\"a b\"}}|presenceId: Value must be unique() or a valid ID: at most 36 chars of a-z, A-Z, 0-9, period, hyphen and underscore, not starting with a special char",
            "{\"type\":\"presence\",\"data\":{\"status\":\"on\",\"permissions\":\"invalid\"}}|permissions: Permissions must be an array of strings.",
            "{\"type\":\"presence\",\"data\":{\"status\":\"on\",\"permissions\":null}}|permissions: Permissions must be an array of strings.",
            "{\"type\":\"presence\",\"data\":{\"status\":\"on\",\"permissions\":[\"create(\\\"any\\\")\"]}}|permissions: Permission \"create(\"any\")\" is not allowed. Must be one of: read, update, delete, write.",
    })
    void rejectsWithCode1003AndAppwritesMessage(String text, String message) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> ClientMessages.parse(text));
        assertEquals(1003, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void aBatchWithOneBadItemIsRejectedWhole() {
        assertThrows(ProtocolException.class, () -> ClientMessages.parse(
                "{\"type\":\"subscribe\",\"data\":[{\"channels\":[\"files\"]},{\"channels\":7}]}"));
    }
}
