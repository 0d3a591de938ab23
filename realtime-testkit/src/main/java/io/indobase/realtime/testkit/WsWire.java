package io.indobase.realtime.testkit;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** The bytes of a WebSocket client on a plain socket (RFC 6455): the handshake, and reading a frame's payload. */
final class WsWire {

    private WsWire() {
    }

    /** Connects and upgrades {@code v1/realtime?query} under the base URL; the socket is closed when the server refuses. */
    static DataInputStream handshake(Socket socket, URL base, String query) throws IOException {
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/"; // the deployment's context root
        socket.getOutputStream().write(("GET " + path + "v1/realtime?" + query + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                socket.close();
                throw new EOFException("the server closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("handshake refused: " + head);
        }
        return in;
    }

    /** The payload of the frame whose first byte was just read (server frames are not masked). */
    static byte[] payload(DataInputStream in) throws IOException {
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return payload;
    }
}
