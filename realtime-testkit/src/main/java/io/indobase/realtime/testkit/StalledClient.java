package io.indobase.realtime.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket client that stops reading: a plain socket with a tiny receive buffer that does the handshake and then
 * reads nothing (and so answers no ping) until the test calls {@link #readAll}. It shows what a client that stalls
 * finally receives: the frames, and the close code or none (the connection simply ended: 1006 in a browser).
 */
public final class StalledClient implements AutoCloseable {

    /** What {@link #readAll} found. */
    public record Received(List<JsonObject> frames, int closeCode) {

        /** Close code -1: the connection ended without a close frame (a browser reports 1006). */
        public static final int NO_CLOSE_FRAME = -1;
    }

    private final Socket socket;
    private final DataInputStream in;

    private StalledClient(Socket socket, DataInputStream in) {
        this.socket = socket;
        this.in = in;
    }

    public static StalledClient connect(URL base, String query) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        return new StalledClient(socket, WsWire.handshake(socket, base, query));
    }

    /** Reads until the close frame, the end of the connection or {@code timeoutMillis} of silence. */
    public Received readAll(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        List<JsonObject> frames = new ArrayList<>();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int opcode = first & 0x0F;
                byte[] payload = WsWire.payload(in);
                if (opcode == 8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                    return new Received(frames, code);
                }
                if (opcode == 1 || opcode == 0) {
                    message.write(payload);
                    if ((first & 0x80) != 0) {
                        frames.add(Json.createReader(new StringReader(message.toString(StandardCharsets.UTF_8))).readObject());
                        message.reset();
                    }
                }
            }
        } catch (EOFException | SocketTimeoutException | java.net.SocketException e) {
            return new Received(frames, Received.NO_CLOSE_FRAME);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
