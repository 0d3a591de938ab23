package io.indobase.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void unsubscribeBatch() {
        ClientMessage.Unsubscribe u = (ClientMessage.Unsubscribe) ClientMessages.parse(
                "{\"type\":\"unsubscribe\",\"data\":[{\"subscriptionId\":\"a\"},{\"subscriptionId\":\"b\"}]}");
        assertEquals(List.of("a", "b"), u.subscriptionIds());
    }

    @Test
    void authenticationCarriesTheSessionAndPresenceIsKnownButNotHandledYet() {
        assertEquals("x", ((ClientMessage.Authenticate) ClientMessages.parse(
                "{\"type\":\"authentication\",\"data\":{\"session\":\"x\"}}")).session());
        assertEquals("presence", ((ClientMessage.Unsupported) ClientMessages.parse(
                "{\"type\":\"presence\",\"data\":{\"status\":\"online\"}}")).type());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json|Message format is not valid.",
            "[]|Message format is not valid.",
            "{}|Message format is not valid.",
            "{\"data\":[]}|Message type is not valid.",
            "{\"type\":\"authentication\",\"data\":{}}|Payload is not valid. Session is required",
            "{\"type\":\"authentication\",\"data\":\"s\"}|Payload is not valid. Session is required",
            "{\"type\":\"authentication\",\"data\":{\"session\":7}}|session: Value must be a valid string",
            "{\"type\":7}|Message type is not valid.",
            "{\"type\":\"shout\"}|Message type is not valid.",
            "{\"type\":\"subscribe\",\"data\":{}}|Data must be an array",
            "{\"type\":\"subscribe\",\"data\":[1]}|Each item must be an object",
            "{\"type\":\"subscribe\",\"data\":[{}]}|channels is required",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":\"files\"}]}|channels must be an array of strings",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[null]}]}|channels must be an array of strings",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"subscriptionId\":\"_bad\"}]}|subscriptionId: Parameter must contain",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":\"x\"}]}|queries must be an array of strings",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":[\"{}\"]}]}|Invalid query",
            "{\"type\":\"subscribe\",\"data\":[{\"channels\":[],\"queries\":[\"not json\"]}]}|Invalid query",
            "{\"type\":\"unsubscribe\",\"data\":[{\"subscriptionId\":\"\"}]}|subscriptionId is required",
    })
    void rejectsWithCode1003AndAReason(String text, String reason) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> ClientMessages.parse(text));
        assertEquals(1003, e.code());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aBatchWithOneBadItemIsRejectedWhole() {
        assertThrows(ProtocolException.class, () -> ClientMessages.parse(
                "{\"type\":\"subscribe\",\"data\":[{\"channels\":[\"files\"]},{\"channels\":7}]}"));
    }
}
