package io.indobase.realtime.transport.tyrus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextSenderTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 70_000})
    void aFrameCarriesItsLengthInTheShortestFormAndTheTextAsUtf8(int characters) {
        String text = "é".repeat(characters / 2) + "x".repeat(characters % 2);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = TextSender.textFrame(text);
        assertEquals(0x81, frame.get() & 0xff, "FIN and text");
        int b1 = frame.get() & 0xff;
        assertEquals(0, b1 & 0x80, "a server does not mask");
        long length = b1 & 0x7f;
        if (utf8.length < 126) {
            assertEquals(utf8.length, length);
        } else if (utf8.length < 65536) {
            assertEquals(126, length);
            assertEquals(utf8.length, frame.getShort() & 0xffff);
        } else {
            assertEquals(127, length);
            assertEquals(utf8.length, frame.getLong());
        }
        byte[] payload = new byte[frame.remaining()];
        frame.get(payload);
        assertEquals(text, new String(payload, StandardCharsets.UTF_8));
    }
}
