package io.indobase.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.identity.InvalidCredentialException;
import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import io.indobase.realtime.testkit.BadFrames;
import io.indobase.realtime.testkit.Garble;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over a thousand generated client messages ({@link BadFrames}, seeded; the seed is in every failure) through the
 * socket's protocol state with the real registry: each gets the answer docs/protocol.md gives it, no message is a
 * defect of the server ({@code RT-TRN-010}), the socket stays open (a ping still gets its pong), and a watcher on
 * another socket receives every event published between the messages, in order. {@code -Drealtime.badinput.seed=N}
 * replays a corpus.
 */
class GeneratedFramesTest {

    static final int COUNT = 1_225;
    private static final long SEED = Garble.seed();

    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final SessionServices services = TestServices.of(registry, (project, credential) -> {
        throw new InvalidCredentialException("no session is valid here");
    });
    private final List<LogRecord> defects = new ArrayList<>();
    private final Logger sessionLog = Logger.getLogger(RealtimeSession.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                defects.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        sessionLog.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        sessionLog.removeHandler(capture);
    }

    private record Socket(ScriptedSession script, RealtimeSession session) {

        JsonObject last() {
            return Json.createReader(new StringReader(script.written.get(script.written.size() - 1))).readObject();
        }
    }

    private Socket open(Map<String, List<String>> parameters) {
        ScriptedSession script = new ScriptedSession();
        script.inline = true;
        RealtimeSession session = new RealtimeSession(services, script.outbox(10_000, new RealtimeStats()));
        session.open("p", parameters);
        return new Socket(script, session);
    }

    @Test
    void everyGeneratedMessageGetsItsDocumentedAnswerAndTheWatcherMissesNothing() {
        Socket watcher = open(Map.of("channels[]", List.of("files")));
        List<BadFrames.Case> cases = BadFrames.generate(SEED, COUNT);
        int errors = 0;
        for (int i = 0; i < cases.size(); i++) {
            BadFrames.Case c = cases.get(i);
            String context = "seed " + SEED + ", case " + i + " " + c;
            Socket socket = open(Map.of());
            int before = socket.script.written.size();
            if (c.binary()) {
                socket.session.onBinary(ByteBuffer.wrap(c.bytes()));
            } else {
                socket.session.onText(c.text());
            }
            assertEquals(before + 1, socket.script.written.size(), "one answer: " + context);
            check(c, socket.last(), context);
            errors += c.answer().type().equals("error") ? 1 : 0;
            assertNull(socket.script.closed, "the socket stays open: " + context);
            socket.session.onText("{\"type\":\"ping\"}");
            assertEquals("pong", socket.last().getString("type"), "still answering: " + context);
            socket.session.close();
            assertTrue(defects.isEmpty(), "no defect: " + context + " " + defects.stream().map(LogRecord::getThrown).toList());

            registry.deliver(new Envelope("p", "buckets.b.files.e" + i + ".create",
                    Json.createObjectBuilder().add("$id", "e" + i).build(), Set.of("any"), Instant.EPOCH));
            JsonObject event = watcher.last();
            assertEquals("e" + i, event.getJsonObject("data").getJsonObject("payload").getString("$id"), context);
        }
        assertEquals(1 + cases.size(), watcher.script.written.size(), "connected, then exactly one frame per event");
        assertTrue(errors >= 1_000, errors + " refused messages tried");
        System.out.printf("generated client messages: %d tried (%d refused, %d odd but valid), %d categories, seed %d%n",
                cases.size(), errors, cases.size() - errors, BadFrames.categories(), SEED);
    }

    private static void check(BadFrames.Case c, JsonObject answer, String context) {
        assertEquals(c.answer().type(), answer.getString("type"), answer + " for " + context);
        if (c.answer().type().equals("error")) {
            JsonObject data = answer.getJsonObject("data");
            assertEquals(c.answer().code(), data.getInt("code"), data + " for " + context);
            assertTrue(data.getString("message").startsWith(c.answer().messageStart()),
                    "message \"" + data.getString("message") + "\" for " + context);
        } else if (c.answer().type().equals("response")) {
            JsonObject data = answer.getJsonObject("data");
            assertEquals(c.answer().messageStart(), data.getString("to"), context);
            Set<String> requested = new HashSet<>(Json.createReader(new StringReader(c.text())).readObject()
                    .getJsonArray("data").getJsonObject(0).getJsonArray("channels").getValuesAs(JsonString::getString));
            Set<String> echoed = new HashSet<>(data.getJsonArray("subscriptions").getJsonObject(0).getJsonArray("channels")
                    .getValuesAs(JsonString::getString));
            assertEquals(requested, echoed, context);
        }
    }
}
