package io.indobase.realtime.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket that writes any frame a test asks for, valid or not (RFC 6455 5.2): invalid
 * UTF-8 in a text frame, fragments, reserved opcodes and bits, unmasked frames, oversized control frames. It reads
 * the server's frames back: text frames as JSON, the close frame's code.
 */
public final class RawWsClient implements AutoCloseable {

    public static final int TEXT = 1;
    public static final int BINARY = 2;
    public static final int CONTINUATION = 0;
    public static final int CLOSE = 8;
    public static final int PING = 9;

    /** What the server sent next: a text frame's JSON, a pong, or the close (code, or -1 when the connection just ended). */
    public record Reply(JsonObject json, boolean pong, int closeCode) {

        public static final int ENDED = -1;

        public boolean closed() {
            return json == null && !pong;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWsClient(Socket socket, DataInputStream in) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
    }

    public static RawWsClient connect(URL base, String query) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(15_000);
        return new RawWsClient(socket, WsWire.handshake(socket, base, query));
    }

    public void text(String text) throws IOException {
        frame(0x80 | TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    public void binary(byte[] bytes) throws IOException {
        frame(0x80 | BINARY, bytes, true);
    }

    /**
     * Writes one frame.
     *
     * @param first  the first byte: FIN (0x80), the RSV bits (0x70) and the opcode
     * @param masked false writes a frame a client must never send
     */
    public void frame(int first, byte[] payload, boolean masked) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(first);
        int mask = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(mask | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(mask | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        } else {
            frame.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift));
            }
        }
        byte[] key = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(key);
            frame.write(key);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ key[i % 4]);
        }
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            // the server may close before it has read all of a frame it refuses: its close is still to be read
        }
    }

    /** The server's next frame: text (fragments joined), pong, or close; pings are answered and skipped. */
    public Reply next() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int opcode = first & 0x0F;
                byte[] payload = WsWire.payload(in);
                if (opcode == CLOSE) {
                    return new Reply(null, false, payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005);
                }
                if (opcode == PING) {
                    frame(0x8A, payload, true);
                } else if (opcode == 0xA) {
                    return new Reply(null, true, 0);
                } else {
                    message.write(payload);
                    if ((first & 0x80) != 0) {
                        return new Reply(Json.createReader(new StringReader(message.toString(StandardCharsets.UTF_8))).readObject(),
                                false, 0);
                    }
                }
            }
        } catch (EOFException | SocketTimeoutException | java.net.SocketException e) {
            return new Reply(null, false, Reply.ENDED);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
