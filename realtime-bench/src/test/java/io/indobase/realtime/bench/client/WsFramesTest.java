package io.indobase.realtime.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WsFramesTest {

    /** Unmasks a client frame the way a server does (RFC 6455 5.3). */
    private static String unmask(byte[] frame) {
        assertEquals(0x81, frame[0] & 0xff, "FIN + text");
        int length = frame[1] & 0x7f;
        int header = 2;
        if (length == 126) {
            length = ((frame[2] & 0xff) << 8) | (frame[3] & 0xff);
            header = 4;
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (frame[2 + i] & 0xff);
            }
            header = 10;
        }
        assertEquals(0x80, frame[1] & 0x80, "a client masks");
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (frame[header + 4 + i] ^ frame[header + (i & 3)]);
        }
        assertEquals(frame.length, header + 4 + length);
        return new String(payload, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 65535, 65536, 100_000})
    void aTextFrameOfAnyLengthReadsBack(int length) {
        String text = "é".repeat(length / 2) + "x".repeat(length % 2);
        assertEquals(text, unmask(WsFrames.text(text)));
    }
}
