package io.indobase.realtime.bench.client;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** RFC 6455 framing as a client writes it: one final frame, masked. */
public final class WsFrames {

    public static final int TEXT = 1;
    public static final int BINARY = 2;
    public static final int CLOSE = 8;
    public static final int PING = 9;
    public static final int PONG = 10;

    private WsFrames() {
    }

    public static byte[] text(String text) {
        return frame(TEXT, text.getBytes(StandardCharsets.UTF_8), 0, -1);
    }

    /** A close frame with a status code. */
    public static byte[] close(int code) {
        return frame(CLOSE, new byte[] {(byte) (code >> 8), (byte) code}, 0, 2);
    }

    /** {@code length} -1: the whole array. */
    public static byte[] frame(int opcode, byte[] payload, int offset, int length) {
        int size = length < 0 ? payload.length - offset : length;
        int header = size < 126 ? 2 : size < 65536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + size];
        frame[0] = (byte) (0x80 | opcode);
        if (size < 126) {
            frame[1] = (byte) (0x80 | size);
        } else if (size < 65536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (size >> 8);
            frame[3] = (byte) size;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) size >> (56 - 8 * i));
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[header + i] = (byte) (mask >> (24 - 8 * i));
        }
        for (int i = 0; i < size; i++) {
            frame[header + 4 + i] = (byte) (payload[offset + i] ^ frame[header + (i & 3)]);
        }
        return frame;
    }

    /** The upgrade request of a client. */
    public static byte[] upgrade(String host, int port, String target, String extraHeaders) {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String head = "GET " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + java.util.Base64.getEncoder().encodeToString(key) + "\r\n" + extraHeaders + "\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }
}
