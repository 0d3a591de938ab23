package io.indobase.realtime.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkersTest {

    private static long find(String text, byte[] key) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Markers.find(bytes, 0, bytes.length, key);
    }

    @Test
    void theMarkersAreFoundWhereverAServerPutsTheBody() {
        String body = "{" + Markers.fields(42, 123456789L, 7) + ",\"pad\":\"xx\"}";
        String ours = "{\"type\":\"event\",\"id\":\"ID:1\",\"data\":{\"events\":[\"a\"],\"payload\":" + body + ",\"subscriptions\":[\"s\"]}}";
        String stomp = "MESSAGE\ndestination:t\n\n{\"project\":\"p\",\"payload\":" + body + "}\u0000";
        for (String frame : new String[] {body, ours, stomp}) {
            assertEquals(42, find(frame, Markers.SEQ));
            assertEquals(123456789L, find(frame, Markers.TIME));
            assertEquals(7, find(frame, Markers.TEAMS));
        }
    }

    @Test
    void aFrameWithoutMarkersOrWithAMarkerCutShortIsNotAnEvent() {
        assertEquals(-1, find("{\"type\":\"connected\",\"data\":{}}", Markers.SEQ));
        assertEquals(-1, find("{\"bseq\":", Markers.SEQ));
        assertEquals(-1, find("{\"bseq\":\"x\"}", Markers.SEQ));
    }
}
