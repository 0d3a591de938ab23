package io.indobase.realtime.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.indobase.realtime.event.Envelope;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventFrameTest {

    @Test
    void encodesAppwritesEventShapeWithMillisecondTimestamp() {
        Envelope envelope = new Envelope("p", "buckets.b.files.f.create", Json.createObjectBuilder().add("$id", "f").build(),
                Set.of("any"), Instant.parse("2026-05-01T10:20:30Z"));
        String text = new EventFrame(envelope, List.of("buckets.b.files.f.create"), List.of("files"))
                .withSubscriptions(List.of("s1", "s2"));
        assertEquals(Json.createReader(new StringReader("""
                {"type":"event","data":{"events":["buckets.b.files.f.create"],"channels":["files"],
                 "timestamp":"2026-05-01T10:20:30.000+00:00","payload":{"$id":"f"},"subscriptions":["s1","s2"]}}""")).readObject(),
                Json.createReader(new StringReader(text)).readObject());
    }

    @Test
    void otherFrames() {
        assertEquals("{\"type\":\"pong\"}", Frames.PONG);
        assertEquals("{\"type\":\"error\",\"data\":{\"code\":1003,\"message\":\"Message format is not valid.\"}}",
                Frames.error(1003, "Message format is not valid."));
        assertEquals("{\"type\":\"connected\",\"data\":{\"channels\":[\"files\"],\"subscriptions\":[\"s\"],\"user\":null}}",
                Frames.connected(List.of("files"), Json.createArrayBuilder().add("s").build(), JsonValue.NULL));
    }
}
