package io.indobase.realtime.bench.publish;

import io.indobase.realtime.bench.peer.NchanPeer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Publishes to nchan with HTTP POSTs on one keep-alive connection. The body is the same envelope our node receives,
 * so frames are of comparable size. With teams, one POST per readable team channel: the role-partitioned design.
 */
public final class NchanPublisher implements Publisher {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String channel;
    private final String pad;
    private final byte[] buffer = new byte[8192];

    public NchanPublisher(int port, String channel, int padBytes) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.channel = channel;
        this.pad = Publisher.pad(padBytes);
    }

    @Override
    public void publish(long seq, long intendedNanos, int readableTeams, int teams) throws IOException {
        byte[] body = JmsPublisher.envelope(seq, intendedNanos, readableTeams, teams, pad).getBytes(StandardCharsets.UTF_8);
        if (teams <= 0) {
            post(NchanPeer.channel(channel, -1), body);
            return;
        }
        for (int t = 0; t < readableTeams; t++) {
            post(NchanPeer.channel(channel, t), body);
        }
    }

    private void post(String target, byte[] body) throws IOException {
        out.write(("POST /pub/" + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        readResponse();
    }

    /** Reads one response (headers, then Content-Length bytes of body); fails on anything but 2xx. */
    private void readResponse() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("nchan closed the publisher connection");
            }
            head.append((char) b);
        }
        String text = head.toString();
        if (!text.startsWith("HTTP/1.1 2")) {
            throw new IOException("nchan refused a publish: " + text.lines().findFirst().orElse(""));
        }
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        while (length > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, length));
            if (n < 0) {
                throw new IOException("nchan closed the publisher connection");
            }
            length -= n;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // done
        }
    }
}
