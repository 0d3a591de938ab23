package io.indobase.realtime.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.Recipient;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import io.indobase.realtime.testkit.BadEnvelopes;
import io.indobase.realtime.testkit.Envelopes;
import io.indobase.realtime.testkit.Garble;
import jakarta.enterprise.event.Event;
import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over a thousand generated bad envelopes ({@link BadEnvelopes}, seeded; the seed is in every failure) through the
 * events MDB: each is dropped with its documented reason ({@code RT-EVT-001}) and counted as malformed, never as a
 * failure, and a watcher of the registry receives every valid envelope published between them, in order.
 * {@code -Drealtime.badinput.seed=N} replays a corpus.
 */
class GeneratedEnvelopesTest {

    static final int COUNT = 1_050;
    private static final long SEED = Garble.seed();

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger mdbLog = Logger.getLogger(EventsMdb.class.getName());
    private final RealtimeStats stats = new RealtimeStats();
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final List<String> watched = new ArrayList<>();
    private final EventsMdb mdb = new EventsMdb();

    @BeforeEach
    void wire() {
        mdbLog.addHandler(capture);
        mdbLog.setUseParentHandlers(false);
        mdb.stats = stats;
        mdb.received = firing(registry);
        Recipient watcher = new Recipient() {
            @Override
            public void send(String frame) {
                watched.add(frame);
            }

            @Override
            public void disconnect(String reason) {
                fail("the watcher was disconnected: " + reason);
            }
        };
        // every channel of every family, in the project of the generated envelopes
        var connection = registry.open(BadEnvelopes.PROJECT, Identity.GUEST, watcher);
        registry.subscribe(connection, "all", List.of("files", "documents", "rows", "account", "teams", "memberships",
                "executions", "console", "projects." + BadEnvelopes.PROJECT, "buckets.b1.files", "functions", "databases"), List.of());
    }

    @AfterEach
    void unwire() {
        mdbLog.removeHandler(capture);
        mdbLog.setUseParentHandlers(true);
    }

    @Test
    void everyBadEnvelopeIsDroppedWithItsReasonWhileTheValidOnesAroundItAreDeliveredInOrder() {
        List<BadEnvelopes.Case> cases = BadEnvelopes.generate(SEED, COUNT);
        int malformed = 0;
        for (int i = 0; i < cases.size(); i++) {
            BadEnvelopes.Case c = cases.get(i);
            String context = "seed " + SEED + ", case " + i + " " + c;
            int before = logged.size();
            mdb.onMessage(text(c.body(), "ID:bad-" + i));
            if (c.reason() != null) {
                malformed++;
                assertEquals(before + 1, logged.size(), "one log line: " + context);
                LogRecord record = logged.get(before);
                assertTrue(record.getMessage().startsWith("RT-EVT-001"), record.getMessage() + " " + context);
                String reason = String.valueOf(record.getParameters()[1]);
                assertTrue(reason.startsWith(c.reason()), "reason \"" + reason + "\" for " + context);
            } else {
                assertEquals(before, logged.size(), "accepted without a word: " + context);
            }
            mdb.onMessage(text(Envelopes.fileCreated(BadEnvelopes.PROJECT, "good-" + i, "any"), "ID:good-" + i));
            assertEquals(i + 1, watched.size(), "the watcher got the valid envelope after " + context);
            assertTrue(watched.get(i).contains("\"$id\":\"good-" + i + "\""), context);
        }
        assertEquals(malformed, stats.dropped(RealtimeStats.Drop.MALFORMED), "seed " + SEED);
        assertEquals(0, stats.dropped(RealtimeStats.Drop.FAILED), "no envelope was a defect of the node; seed " + SEED);
        assertTrue(malformed >= 1_000, malformed + " malformed envelopes tried");
        System.out.printf("generated envelopes: %d tried (%d malformed, %d valid of unknown families), %d categories, seed %d%n",
                cases.size(), malformed, cases.size() - malformed, BadEnvelopes.categories(), SEED);
    }

    @Test
    void bytesThatAreNotUtf8AndMessagesWithoutABodyAreDroppedWithAReason() {
        mdb.onMessage(bytes(new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xc3, '"', '}'}));
        mdb.onMessage(text(null, "ID:null"));
        mdb.onMessage(message(Message.class));
        assertEquals(List.of("the body is not UTF-8 text", "empty message body", "expected a text or bytes message, got "),
                logged.stream().map(r -> String.valueOf(r.getParameters()[1]).replaceAll("got .*", "got ")).toList());
        assertEquals(3, stats.dropped(RealtimeStats.Drop.MALFORMED));
        mdb.onMessage(bytes(Envelopes.fileCreated(BadEnvelopes.PROJECT, "utf8-\u00e9", "any").getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, watched.size(), "a UTF-8 bytes message is an envelope like a text message");
    }

    /** What the container's CDI event does for the MDB: the observer delivers on the calling thread. */
    private static Event<EventReceived> firing(SubscriptionRegistry registry) {
        @SuppressWarnings("unchecked")
        Event<EventReceived> event = (Event<EventReceived>) Proxy.newProxyInstance(Event.class.getClassLoader(),
                new Class<?>[] {Event.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("fire")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    EventReceived received = (EventReceived) args[0];
                    registry.deliver(received.id(), received.envelope());
                    return null;
                });
        return event;
    }

    private static TextMessage text(String body, String id) {
        return (TextMessage) Proxy.newProxyInstance(TextMessage.class.getClassLoader(), new Class<?>[] {TextMessage.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getText" -> body;
                    case "getJMSMessageID" -> id;
                    case "getJMSDestination" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BytesMessage bytes(byte[] body) {
        return (BytesMessage) Proxy.newProxyInstance(BytesMessage.class.getClassLoader(), new Class<?>[] {BytesMessage.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBody" -> body.clone();
                    case "getJMSMessageID" -> "ID:bytes";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Message message(Class<? extends Message> type) {
        return (Message) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getJMSMessageID" -> "ID:other";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
