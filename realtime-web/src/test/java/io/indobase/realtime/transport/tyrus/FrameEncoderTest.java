package io.indobase.realtime.transport.tyrus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.indobase.realtime.event.EnvelopeReader;
import io.indobase.realtime.frame.EventFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class FrameEncoderTest {

    private final FrameEncoder encoder = new FrameEncoder();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 70_000})
    void aFrameCarriesItsLengthInTheShortestFormAndTheTextAsUtf8(int characters) {
        String text = "é".repeat(characters / 2) + "x".repeat(characters % 2);
        ByteBuffer frame = encoder.encode(List.of(text));
        assertEquals(text, next(frame));
        assertEquals(0, frame.remaining());
    }

    @Test
    void severalFramesGoOneAfterTheOtherInOneBuffer() {
        List<String> texts = List.of("a", "é".repeat(100), "x".repeat(70_000), "");
        ByteBuffer frames = encoder.encode(texts);
        List<String> read = new ArrayList<>();
        while (frames.hasRemaining()) {
            read.add(next(frames));
        }
        assertEquals(texts, read);
    }

    @Test
    void theSameStringIsEncodedOnceAndAnEqualButOtherStringAgain() {
        String text = "{\"type\":\"event\"}";
        byte[] first = encoder.frame(text);
        assertSame(first, encoder.frame(text), "a fan-out's recipients share one frame");
        assertNotSame(first, encoder.frame(new String(text)), "by identity: a string is never compared by content");
        for (int i = 0; i < 16; i++) {
            encoder.frame("other " + i);
        }
        assertNotSame(first, encoder.frame(text), "only the last few are kept");
    }

    @Test
    void anEventFramesPartsMakeTheWholeFrameAndItsHeadIsEncodedOncePerEvent() {
        EventFrame event = new EventFrame("ID:1", EnvelopeReader.read("{\"project\":\"p\",\"event\":"
                + "\"buckets.b.files.f.create\",\"payload\":{\"$id\":\"é\"},\"permissions\":[]}", Instant.EPOCH),
                List.of("buckets.b.files.f.create"), List.of("files"));
        String tail = EventFrame.tail(List.of("s1"));
        ByteBuffer frames = encoder.encode(List.of(new FrameParts(event, tail), "a text", TextSender.PING,
                new FrameParts(event, EventFrame.tail(List.of("s2")))));
        assertEquals(event.withTail(tail), next(frames));
        assertEquals("a text", next(frames));
        assertEquals(0x89, frames.get() & 0xff, "a ping");
        assertEquals(2, frames.get());
        assertEquals('r', frames.get());
        assertEquals('t', frames.get());
        assertEquals(event.withSubscriptions(List.of("s2")), next(frames));
        assertEquals(0, frames.remaining());
    }

    /** Reads one server frame (RFC 6455 5.2) and returns its text. */
    public static String next(ByteBuffer frame) {
        assertEquals(0x81, frame.get() & 0xff, "FIN and text");
        int b1 = frame.get() & 0xff;
        assertEquals(0, b1 & 0x80, "a server does not mask");
        long length = b1 & 0x7f;
        if (length == 126) {
            length = frame.getShort() & 0xffff;
            assertEquals(true, length >= 126, "the shortest form");
        } else if (length == 127) {
            length = frame.getLong();
            assertEquals(true, length >= 65536, "the shortest form");
        }
        byte[] payload = new byte[(int) length];
        frame.get(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }
}
