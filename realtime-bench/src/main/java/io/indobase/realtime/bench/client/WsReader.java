package io.indobase.realtime.bench.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Parses what a server sends: the upgrade answer, then unmasked frames (control frames answered here). */
final class WsReader {

    private WsReader() {
    }

    /** @return true once the 101 answer is consumed (the buffer is then positioned at the first frame) */
    static boolean upgraded(WsEngine engine, WsConnection connection) {
        ByteBuffer in = connection.in;
        int end = headEnd(in);
        if (end < 0) {
            return false; // more to read; the engine grows a full buffer
        }
        String status = new String(in.array(), in.position(), Math.min(end, 64), StandardCharsets.US_ASCII);
        in.position(end);
        if (!status.startsWith("HTTP/1.1 101")) {
            engine.fail(connection, "upgrade refused: " + status.lines().findFirst().orElse(""));
            return false;
        }
        connection.state = WsConnection.State.OPEN;
        connection.handler.opened(connection);
        return connection.state == WsConnection.State.OPEN;
    }

    private static int headEnd(ByteBuffer in) {
        byte[] a = in.array();
        for (int i = in.position(); i + 3 < in.limit(); i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** Consumes every whole frame in the buffer; a partial one stays (the buffer grows when a frame needs it). */
    static void frames(WsEngine engine, WsConnection connection) {
        ByteBuffer in = connection.in;
        byte[] a = in.array();
        while (connection.state == WsConnection.State.OPEN && in.remaining() >= 2) {
            int p = in.position();
            int b0 = a[p] & 0xff;
            int b1 = a[p + 1] & 0xff;
            int header = 2;
            long length = b1 & 0x7f;
            if (length == 126) {
                if (in.remaining() < 4) {
                    return;
                }
                length = ((a[p + 2] & 0xff) << 8) | (a[p + 3] & 0xff);
                header = 4;
            } else if (length == 127) {
                if (in.remaining() < 10) {
                    return;
                }
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | (a[p + 2 + i] & 0xff);
                }
                header = 10;
            }
            if (in.remaining() < header + length) {
                if (header + length > in.capacity()) {
                    in.compact();
                    connection.grow((int) (header + length));
                    in.flip();
                }
                return;
            }
            in.position(p + header + (int) length);
            frame(engine, connection, b0, a, p + header, (int) length);
            a = in.array();
        }
    }

    private static void frame(WsEngine engine, WsConnection connection, int b0, byte[] a, int offset, int length) {
        int opcode = b0 & 0x0f;
        boolean fin = (b0 & 0x80) != 0;
        switch (opcode) {
            case WsFrames.PING -> engine.send(connection, WsFrames.frame(WsFrames.PONG, a, offset, length));
            case WsFrames.PONG -> { }
            case WsFrames.CLOSE -> {
                int code = length >= 2 ? ((a[offset] & 0xff) << 8) | (a[offset + 1] & 0xff) : 1005;
                // a code no server sends: bytes that are not a frame at all (say, HTTP text); show them
                String odd = code < 1000 || code > 4999 ? " (not a close frame? it reads \""
                        + new String(a, offset, Math.min(length, 60), StandardCharsets.ISO_8859_1)
                        .replaceAll("[^\\x20-\\x7e]", ".") + "\")" : "";
                engine.fail(connection, "closed by the server: " + code + odd);
            }
            default -> {
                if (fin && connection.fragmentLength == 0) {
                    connection.handler.message(connection, a, offset, length);
                    return;
                }
                connection.appendFragment(a, offset, length);
                if (fin) {
                    connection.handler.message(connection, connection.fragments, 0, connection.fragmentLength);
                    connection.fragmentLength = 0;
                }
            }
        }
    }
}
