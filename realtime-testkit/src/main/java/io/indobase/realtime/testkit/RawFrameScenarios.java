package io.indobase.realtime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Frames that break RFC 6455 itself, which only the real WebSocket stack sees: text that is not UTF-8, reserved
 * opcodes and bits, oversized control frames, fragments out of order, messages too large in one frame or in
 * fragments. Each gets the close code docs/delivery.md lists (Tyrus, Payara's WebSocket stack, answers them; the
 * application never sees the frame); valid fragments are joined into one message, an unmasked frame is read like a
 * masked one (Tyrus does not enforce masking), and a watcher on another socket misses nothing meanwhile.
 * <p>Run by {@code BadInputIT} (realtime-web, the WAR on Payara Micro).
 */
public final class RawFrameScenarios {

    private static final int FIN = 0x80;
    private static final byte[] PING = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

    /** One raw fault: what to write on a fresh socket, and the close code it must get (0: a pong and the socket stays). */
    private record Fault(String name, int closeCode, Writes writes) {
    }

    @FunctionalInterface
    private interface Writes {
        void to(RawWsClient socket, Random random) throws IOException;
    }

    private static final List<Fault> FAULTS = List.of(
            new Fault("text frame that is not UTF-8", 1007, (s, r) -> s.frame(FIN | RawWsClient.TEXT, notUtf8(r), true)),
            new Fault("reserved opcode", 1002, (s, r) -> s.frame(FIN | (3 + r.nextInt(5)), PING, true)),
            new Fault("reserved bits set", 1002, (s, r) -> s.frame(FIN | (0x10 << r.nextInt(3)) | RawWsClient.TEXT, PING, true)),
            // RFC 6455 5.1 says a server must close on an unmasked client frame; Tyrus reads it like a masked one
            new Fault("unmasked frame", 0, (s, r) -> s.frame(FIN | RawWsClient.TEXT, PING, false)),
            new Fault("control frame over 125 bytes", 1002, (s, r) -> s.frame(FIN | RawWsClient.PING, new byte[126 + r.nextInt(100)], true)),
            new Fault("fragmented control frame", 1002, (s, r) -> s.frame(RawWsClient.PING, new byte[4], true)),
            new Fault("continuation without a message", 1002, (s, r) -> s.frame(FIN | RawWsClient.CONTINUATION, PING, true)),
            new Fault("new message inside a fragmented one", 1002, (s, r) -> {
                s.frame(RawWsClient.TEXT, "{\"type\":".getBytes(StandardCharsets.UTF_8), true);
                s.frame(FIN | RawWsClient.TEXT, PING, true);
            }),
            new Fault("text frame over 64,000 bytes", 1009, (s, r) -> s.frame(FIN | RawWsClient.TEXT, oversized(r), true)),
            new Fault("binary frame over 64,000 bytes", 1009, (s, r) -> s.frame(FIN | RawWsClient.BINARY, oversized(r), true)),
            new Fault("fragments over 64,000 bytes in all", 1009, (s, r) -> {
                byte[] part = new byte[20_000];
                java.util.Arrays.fill(part, (byte) ' ');
                s.frame(RawWsClient.TEXT, part, true);
                for (int i = 0; i < 3; i++) {
                    s.frame(i == 2 ? FIN : RawWsClient.CONTINUATION, part, true);
                }
            }),
            new Fault("fragmented message", 0, (s, r) -> fragments(s, r, false)),
            new Fault("fragmented message with pings between its fragments", 0, (s, r) -> fragments(s, r, true)));

    private RawFrameScenarios() {
    }

    public static int faults() {
        return FAULTS.size();
    }

    public static void everyFrameThatBreaksTheProtocolGetsItsCloseCodeWhileTheWatcherMissesNothing(URL base) throws Exception {
        long seed = Garble.seed();
        Random random = new Random(seed);
        try (WsClient watcher = GeneratedInputScenarios.watcher(base)) {
            for (Fault fault : FAULTS) {
                String context = fault.name() + ", seed " + seed;
                try (RawWsClient socket = RawWsClient.connect(base, "project=" + BadEnvelopes.PROJECT)) {
                    assertEquals("connected", socket.next().json().getString("type"));
                    fault.writes().to(socket, random);
                    RawWsClient.Reply reply = skipPongs(socket);
                    if (fault.closeCode() == 0) {
                        assertEquals("pong", reply.json() == null ? "close " + reply.closeCode() : reply.json().getString("type"), context);
                        socket.text("{\"type\":\"ping\"}");
                        assertEquals("pong", skipPongs(socket).json().getString("type"), "the socket stays: " + context);
                    } else {
                        assertTrue(reply.closed(), "closed, not " + reply.json() + ": " + context);
                        assertEquals(fault.closeCode(), reply.closeCode(), context);
                    }
                }
                GeneratedInputScenarios.publishBetween(watcher, "raw-" + fault.name().replace(' ', '-'), context);
            }
        }
    }

    /** WebSocket pongs to the pings a test sent are skipped: the JSON answer or the close is what counts. */
    private static RawWsClient.Reply skipPongs(RawWsClient socket) throws IOException {
        RawWsClient.Reply reply = socket.next();
        while (reply.pong()) {
            reply = socket.next();
        }
        return reply;
    }

    /** {"type":"ping"} cut in 2 to 5 fragments, a WebSocket ping between them when asked (allowed, RFC 6455 5.4). */
    private static void fragments(RawWsClient socket, Random random, boolean pings) throws IOException {
        int parts = 2 + random.nextInt(4);
        int at = 0;
        for (int i = 0; i < parts; i++) {
            int end = i == parts - 1 ? PING.length : at + 1 + random.nextInt(PING.length - at - (parts - i));
            byte[] part = java.util.Arrays.copyOfRange(PING, at, end);
            socket.frame((i == parts - 1 ? FIN : 0) | (i == 0 ? RawWsClient.TEXT : RawWsClient.CONTINUATION), part, true);
            if (pings) {
                socket.frame(FIN | RawWsClient.PING, new byte[] {'p'}, true);
            }
            at = end;
        }
    }

    private static byte[] notUtf8(Random random) {
        byte[] bad = Garble.invalidUtf8(random);
        byte[] frame = new byte[PING.length + bad.length];
        System.arraycopy(PING, 0, frame, 0, 10);
        System.arraycopy(bad, 0, frame, 10, bad.length);
        System.arraycopy(PING, 10, frame, 10 + bad.length, PING.length - 10);
        return frame;
    }

    private static byte[] oversized(Random random) {
        byte[] frame = new byte[64_001 + random.nextInt(100_000)];
        java.util.Arrays.fill(frame, (byte) ' ');
        return frame;
    }
}
