package io.indobase.realtime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A seeded sample of the generated bad input ({@link BadFrames}, {@link BadEnvelopes}) replayed through the real
 * server, with a watcher socket that must receive every valid event published between the bad ones, in order:
 * client messages over the wire (text and binary frames), and envelopes on the topic, including JMS messages that
 * are not text. The frame-level faults only a real WebSocket stack sees are {@link RawFrameScenarios}.
 * <p>Run by {@code BadInputIT} (realtime-web, the WAR on Payara Micro). {@code -Drealtime.badinput.seed=N} replays.
 */
public final class GeneratedInputScenarios {

    /** Six of each category of client messages, five of each of envelopes. */
    public static final int FRAMES = 6 * BadFrames.categories();
    public static final int ENVELOPES = 5 * BadEnvelopes.categories();
    private static final String PROJECT = BadEnvelopes.PROJECT;
    private static final String WATCHED = "channels%5B%5D=files&channels%5B%5D=documents&channels%5B%5D=account"
            + "&channels%5B%5D=teams&channels%5B%5D=memberships&channels%5B%5D=executions&channels%5B%5D=console"
            + "&channels%5B%5D=functions&channels%5B%5D=databases&channels%5B%5D=projects." + PROJECT;

    private GeneratedInputScenarios() {
    }

    public static void aSampleOfGeneratedMessagesGetsItsAnswersWhileTheWatcherMissesNothing(URL base) throws Exception {
        long seed = Garble.seed();
        List<BadFrames.Case> sample = BadFrames.generate(seed, FRAMES);
        try (WsClient watcher = watcher(base)) {
            for (int from = 0; from < sample.size(); from += 25) { // a socket per 25 messages: the budget is 32 a minute
                try (RawWsClient socket = RawWsClient.connect(base, "project=" + PROJECT)) {
                    assertEquals("connected", socket.next().json().getString("type"));
                    for (int i = from; i < Math.min(sample.size(), from + 25); i++) {
                        BadFrames.Case c = sample.get(i);
                        String context = "seed " + seed + ", case " + i + " " + c;
                        byte[] bytes = c.binary() ? c.bytes() : c.text().getBytes(StandardCharsets.UTF_8);
                        assertTrue(bytes.length <= 64_000, "the generator keeps within a frame: " + context);
                        if (c.binary()) {
                            socket.binary(bytes);
                        } else {
                            socket.text(c.text());
                        }
                        check(c.answer(), socket.next(), context);
                        publishBetween(watcher, "frame-" + i, context);
                    }
                    socket.text("{\"type\":\"ping\"}");
                    assertEquals("pong", socket.next().json().getString("type"), "the socket stays open; seed " + seed);
                }
            }
        }
        System.out.printf("generated client messages over the wire: %d, seed %d%n", sample.size(), seed);
    }

    public static void aSampleOfGeneratedEnvelopesIsDroppedWhileTheWatcherGetsEveryValidOne(URL base) throws Exception {
        long seed = Garble.seed();
        List<BadEnvelopes.Case> sample = BadEnvelopes.generate(seed, ENVELOPES);
        long malformedBefore = dropped(base, "malformed");
        long failedBefore = dropped(base, "failed");
        List<String> expected = new ArrayList<>();
        int malformed = 0;
        try (WsClient watcher = watcher(base);
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(TestBroker.url());
             JMSContext jms = factory.createContext()) {
            Topic topic = jms.createTopic(TestBroker.TOPIC);
            JMSProducer producer = jms.createProducer();
            for (int i = 0; i < sample.size(); i++) {
                producer.send(topic, sample.get(i).body());
                malformed += sample.get(i).reason() != null ? 1 : 0;
                producer.send(topic, Envelopes.fileCreated(PROJECT, "envelope-" + i, "any"));
                expected.add("envelope-" + i);
            }
            for (Function<JMSContext, Message> other : notText()) {
                producer.send(topic, other.apply(jms));
                malformed++;
            }
            producer.send(topic, jms.createTextMessage(null));
            malformed++;
            byte[] utf8 = Envelopes.fileCreated(PROJECT, "bytes-\u00e9", "any").getBytes(StandardCharsets.UTF_8);
            producer.send(topic, utf8);
            expected.add("bytes-\u00e9");
            List<String> received = new ArrayList<>();
            while (received.size() < expected.size()) {
                JsonObject frame = watcher.next(20, TimeUnit.SECONDS);
                assertNotNull(frame, "the watcher got " + received.size() + " of " + expected.size() + "; seed " + seed);
                received.add(EventPathScenarios.payloadId(frame));
            }
            assertEquals(expected, received, "every valid envelope, in order, and nothing else; seed " + seed);
            assertEquals(null, watcher.next(500, TimeUnit.MILLISECONDS), "nothing after them; seed " + seed);
        }
        // the MDB takes the topic's messages one at a time, in order: once the last valid one arrived, every bad one was counted
        assertEquals(malformed, dropped(base, "malformed") - malformedBefore, "each counted once as malformed; seed " + seed);
        assertEquals(0, dropped(base, "failed") - failedBefore, "none was a defect of the node; seed " + seed);
        System.out.printf("generated envelopes on the topic: %d, and %d messages that are not text, seed %d%n",
                sample.size(), notText().size() + 1, seed);
    }

    /** JMS messages whose body is no envelope: map, object, stream, none at all, and bytes that are not UTF-8. */
    private static List<Function<JMSContext, Message>> notText() {
        return List.of(jms -> {
            var map = jms.createMapMessage();
            try {
                map.setString("project", PROJECT);
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
            return map;
        }, jms -> jms.createObjectMessage(new ArrayList<>(List.of("x"))), JMSContext::createStreamMessage, JMSContext::createMessage,
                jms -> {
                    var bytes = jms.createBytesMessage();
                    try {
                        bytes.writeBytes(new byte[] {'{', '"', 'p', '"', ':', '"', (byte) 0xff, '"', '}'});
                    } catch (jakarta.jms.JMSException e) {
                        throw new IllegalStateException(e);
                    }
                    return bytes;
                });
    }

    static WsClient watcher(URL base) throws Exception {
        WsClient watcher = WsClient.connect(base, "project=" + PROJECT + "&" + WATCHED);
        assertEquals("connected", watcher.next().getString("type"));
        EventPathScenarios.awaitEventPath(watcher, PROJECT);
        return watcher;
    }

    /** A valid event published after a bad input must reach the watcher, and be the next thing it gets. */
    static void publishBetween(WsClient watcher, String id, String context) throws InterruptedException {
        TestBroker.publish(Envelopes.fileCreated(PROJECT, id, "any"));
        assertEquals(id, EventPathScenarios.payloadId(watcher.next(10, TimeUnit.SECONDS)), "the watcher after " + context);
    }

    static void check(BadFrames.Answer answer, RawWsClient.Reply reply, String context) {
        assertNotNull(reply.json(), "an answer, not a close (" + reply.closeCode() + "): " + context);
        assertEquals(answer.type(), reply.json().getString("type"), reply.json() + " for " + context);
        if (answer.type().equals("error")) {
            JsonObject data = reply.json().getJsonObject("data");
            assertEquals(answer.code(), data.getInt("code"), data + " for " + context);
            assertTrue(data.getString("message").startsWith(answer.messageStart()), data + " for " + context);
        } else if (answer.type().equals("response")) {
            assertEquals(answer.messageStart(), reply.json().getJsonObject("data").getString("to"), context);
        }
    }

    /** {@code realtime_dropped{reason}} from the node's metrics (at the server's root, not the deployment's). */
    static long dropped(URL base, String reason) throws Exception {
        Matcher m = Pattern.compile("^realtime_dropped\\{[^}]*reason=\"" + reason + "\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE)
                .matcher(Http.get(new URL(base, "/"), "metrics?scope=application").body());
        assertTrue(m.find(), "realtime_dropped{reason=" + reason + "} not found");
        return (long) Double.parseDouble(m.group(1));
    }
}
