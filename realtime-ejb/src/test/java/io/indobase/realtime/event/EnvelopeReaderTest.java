package io.indobase.realtime.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EnvelopeReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void readsTheDocumentedEnvelope() {
        Envelope e = EnvelopeReader.read("""
                {"project":"p1","event":"buckets.photos.files.f1.create","payload":{"$id":"f1"},
                 "permissions":["read(\\"any\\")","update(\\"user:u1\\")","read(\\"team:t1/owner\\")"],
                 "timestamp":"2026-05-01T10:20:30.123+02:00"}""", NOW);
        assertEquals("p1", e.project());
        assertEquals("buckets.photos.files.f1.create", e.event());
        assertEquals("f1", e.payload().getString("$id"));
        assertEquals(Set.of("any", "team:t1/owner"), e.readRoles());
        assertEquals(Instant.parse("2026-05-01T08:20:30.123Z"), e.timestamp());
    }

    @Test
    void stampsTheReceiptTimeAndAnEmptyPayloadWhenAbsent() {
        Envelope e = EnvelopeReader.read("{\"project\":\"p\",\"event\":\"teams.t1.create\",\"permissions\":[]}", NOW);
        assertEquals(NOW, e.timestamp());
        assertTrue(e.payload().isEmpty());
        assertTrue(e.readRoles().isEmpty());
    }

    @ParameterizedTest(name = "security {0}: {1}")
    @CsvSource(delimiter = '|', value = {"true|users,user:u1", "false|users"})
    void parentPermissionsApplyAppwritesDocumentSecurityRule(boolean security, String roles) {
        Envelope e = EnvelopeReader.read("""
                {"project":"p1","event":"databases.d.collections.c.documents.x.update","payload":{},
                 "permissions":["read(\\"user:u1\\")"],
                 "parent":{"permissions":["read(\\"users\\")","update(\\"team:t\\")"],"security":%s}}"""
                .formatted(security), NOW);
        assertEquals(Set.of(roles.split(",")), e.readRoles());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|empty message body",
            "not json|not valid JSON",
            "[1,2]|must be a JSON object",
            "{\"event\":\"a.b\",\"permissions\":[]}|project is required",
            "{\"project\":7,\"event\":\"a.b\",\"permissions\":[]}|project must be a string",
            "{\"project\":\"p\",\"event\":\"a..b\",\"permissions\":[]}|event must be dot-separated",
            "{\"project\":\"p\",\"event\":\"a.b\"}|permissions is required",
            "{\"project\":\"p\",\"event\":\"a.b\",\"permissions\":[1]}|permissions must hold only strings",
            "{\"project\":\"p\",\"event\":\"a.b\",\"permissions\":[\"any\"]}|not a permission: any",
            "{\"project\":\"p\",\"event\":\"a.b\",\"permissions\":[\"read(\\\"nobody\\\")\"]}|not a role: nobody",
            "{\"project\":\"p\",\"event\":\"a.b\",\"permissions\":[],\"payload\":[]}|payload must be a JSON object",
            "{\"project\":\"p\",\"event\":\"a.b\",\"permissions\":[],\"timestamp\":\"yesterday\"}|timestamp must be ISO-8601",
            "{\"project\":\"p\",\"event\":\"a.b\",\"permissions\":[],\"parent\":[]}|parent must be an object",
            "{\"project\":\"p\",\"event\":\"a.b\",\"permissions\":[],\"parent\":{}}|parent.permissions is required",
            "{\"project\":\"p\",\"event\":\"a.b\",\"permissions\":[],\"parent\":{\"permissions\":[],\"security\":1}}|parent.security must be",
    })
    void rejectsMalformedEnvelopesWithAReason(String body, String reason) {
        MalformedEnvelopeException e = assertThrows(MalformedEnvelopeException.class, () -> EnvelopeReader.read(body, NOW));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
