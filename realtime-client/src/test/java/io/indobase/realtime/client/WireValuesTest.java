package io.indobase.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries, envelopes and credentials as they go on the wire. */
class WireValuesTest {

    @Test
    void queriesAreUtopiaQueryJson() {
        assertEquals("{\"method\":\"equal\",\"attribute\":\"status\",\"values\":[\"active\",\"new\"]}",
                Query.equal("status", "active", "new"));
        assertEquals("{\"method\":\"greaterThan\",\"attribute\":\"size\",\"values\":[1000]}", Query.greaterThan("size", 1000));
        assertEquals("{\"method\":\"lessThan\",\"attribute\":\"ratio\",\"values\":[0.5]}", Query.lessThan("ratio", 0.5));
        assertEquals("{\"method\":\"isNull\",\"attribute\":\"deleted\",\"values\":[]}", Query.isNull("deleted"));
        assertEquals("{\"method\":\"or\",\"values\":[{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[true]},"
                + "{\"method\":\"between\",\"attribute\":\"b\",\"values\":[1,2]}]}",
                Query.or(Query.equal("a", true), Query.between("b", 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Query.equal("a", List.of()));
    }

    @Test
    void anEnvelopeHasReadPermissionsAndAMillisecondTimestamp() {
        Envelope envelope = new Envelope("demo", "buckets.b1.files.f1.create",
                Protocol.JSON.createObjectBuilder().add("$id", "f1").build(), List.of("read(\"any\")"),
                Instant.parse("2026-11-28T10:20:30.123456Z"));
        assertEquals("{\"project\":\"demo\",\"event\":\"buckets.b1.files.f1.create\",\"payload\":{\"$id\":\"f1\"},"
                + "\"permissions\":[\"read(\\\"any\\\")\"],\"timestamp\":\"2026-11-28T10:20:30.123+00:00\"}", envelope.toJson());
        assertEquals(List.of("read(\"users\")", "read(\"team:t1\")"),
                Envelope.of("demo", "teams.t1.update", null, "users", "team:t1").permissions());
        assertThrows(IllegalArgumentException.class, () -> Envelope.of("demo", "buckets.*.files.*.create", null, "any"));
        assertThrows(IllegalArgumentException.class, () -> Envelope.of(" ", "teams.t1.update", null, "any"));
    }

    @Test
    void credentialsGoInHeadersAndNeverInToString() {
        Credentials key = new Credentials.ApiKey("rk_reports_" + "ab".repeat(32));
        assertEquals("rk_reports_" + "ab".repeat(32), key.headers().get("X-Indobase-Key"));
        assertFalse(key.toString().contains("abab"), key.toString());
        Credentials basic = new Credentials.Basic("alice", "alice-demo");
        assertEquals("Basic YWxpY2U6YWxpY2UtZGVtbw==", basic.headers().get("Authorization"));
        assertFalse(basic.toString().contains("alice-demo"));
        int[] asked = {0};
        Credentials jwt = new Credentials.Jwt(() -> "token-" + ++asked[0]);
        assertEquals("token-1", jwt.headers().get("X-Appwrite-JWT"));
        assertEquals("token-2", jwt.headers().get("X-Appwrite-JWT"), "a new token for every connection");
        assertThrows(IllegalArgumentException.class, () -> new Credentials.ApiKey(""));
    }

    @Test
    void aClientNeedsAnEndpointAndAValidProject() {
        assertThrows(NullPointerException.class, () -> RealtimeClient.builder().project("demo").build());
        assertThrows(IllegalArgumentException.class,
                () -> RealtimeClient.builder().endpoint("http://localhost:8080/v1").project("no spaces").build());
        assertThrows(IllegalArgumentException.class,
                () -> RealtimeClient.builder().endpoint("http://localhost:8080/v1").project("demo").queueCapacity(0).build());
    }
}
