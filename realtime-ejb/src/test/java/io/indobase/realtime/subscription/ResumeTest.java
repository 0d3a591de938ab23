package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.permission.Access;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.replay.Resumption;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * A connection drops while events keep arriving on another thread, and a new one resumes from the last event the
 * first received. Checked against a brute-force oracle: what the two received, in order, is exactly every event the
 * first could read up to its last one followed by every later event the second may read on its subscriptions — no
 * gap, no duplicate, nothing unreadable.
 */
class ResumeTest {

    private static final List<String> ROLES = List.of("any", "guests", "users", "user:u1", "user:u2");
    private static final int EVENTS = 400;

    /** Frames until the socket "drops": a dropped socket loses whatever is handed to it afterwards. */
    static final class Socket implements Recipient {
        final List<String> frames = new ArrayList<>();
        volatile boolean dropped;

        @Override
        public synchronized void send(String frame) {
            if (!dropped) {
                frames.add(frame);
            }
        }

        @Override
        public void disconnect(String reason) {
        }

        synchronized List<String> ids() {
            return frames.stream().map(f -> read(f).getString("id")).toList();
        }
    }

    private static JsonObject read(String frame) {
        return Json.createReader(new StringReader(frame)).readObject();
    }

    private static Envelope event(Random random, int i) {
        String family = random.nextBoolean() ? "buckets.b.files.f" + i + ".create" : "databases.d.collections.c.documents.x" + i + ".update";
        return new Envelope(random.nextInt(5) == 0 ? "p2" : "p1", family, Json.createObjectBuilder().add("$id", "e" + i).build(),
                Set.of(ROLES.get(random.nextInt(ROLES.size()))), Instant.EPOCH);
    }

    private static boolean oracle(Envelope event, Identity identity, Set<String> channels) {
        String channel = event.event().startsWith("buckets") ? "files" : "documents";
        return event.project().equals("p1") && channels.contains(channel) && Access.mayRead(identity.roles(), event.readRoles());
    }

    @RepeatedTest(30)
    void aResumedConnectionMissesNothingAndGetsNothingTwice(RepetitionInfo repetition) throws Exception {
        Random random = new Random(repetition.getCurrentRepetition() * 31L);
        SubscriptionRegistry registry = new SubscriptionRegistry();
        List<Envelope> events = new ArrayList<>();
        events.add(new Envelope("p1", "buckets.b.files.f0.create", Json.createObjectBuilder().add("$id", "e0").build(),
                Set.of("any"), Instant.EPOCH));
        for (int i = 1; i < EVENTS; i++) {
            events.add(event(random, i));
        }
        Identity before = Identity.GUEST;
        Identity after = random.nextBoolean() ? Identity.GUEST : Identity.user("u1", true, List.of(), List.of());
        Set<String> channelsBefore = random.nextBoolean() ? Set.of("files") : Set.of("files", "documents");
        Set<String> channelsAfter = random.nextBoolean() ? Set.of("documents") : Set.of("files", "documents");

        Socket first = new Socket();
        Connection a = registry.open("p1", before, first);
        registry.subscribe(a, "s1", channelsBefore, List.of());
        registry.deliver("e0", events.get(0));
        AtomicInteger published = new AtomicInteger(1);
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
            for (int i = 1; i < EVENTS; i++) {
                registry.deliver("e" + i, events.get(i));
                published.incrementAndGet();
            }
        });
        int dropAt = 1 + random.nextInt(EVENTS / 2);
        while (published.get() < dropAt) {
            Thread.onSpinWait();
        }
        first.dropped = true;
        List<String> receivedBefore = first.ids();
        String lastId = receivedBefore.get(receivedBefore.size() - 1);
        registry.close(a);

        Socket second = new Socket();
        Connection b = registry.open("p1", after, second);
        AtomicReference<Resumption> answer = new AtomicReference<>();
        // as the transport does: the replayed frames are queued under the registry's lock, before any live event
        registry.resume(b, lastId, 10_000, Long.MAX_VALUE, () -> registry.subscribe(b, "s2", channelsAfter, List.of()), resumption -> {
            answer.set(resumption);
            resumption.frames().forEach(second::send);
        });
        publisher.get(30, TimeUnit.SECONDS);

        assertEquals(Resumption.Outcome.RESUMED, answer.get().outcome());
        int last = Integer.parseInt(lastId.substring(1));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            boolean firstPart = i <= last;
            if (firstPart ? oracle(events.get(i), before, channelsBefore) : oracle(events.get(i), after, channelsAfter)) {
                expected.add("e" + i);
            }
        }
        List<String> got = new ArrayList<>(receivedBefore);
        got.addAll(second.ids());
        assertEquals(expected, got);
    }

    @Test
    void anIdOutsideTheWindowIsAnsweredAsUnknownAndTheLiveStreamFollows() {
        SubscriptionRegistry registry = new SubscriptionRegistry();
        Socket socket = new Socket();
        Connection c = registry.open("p1", Identity.GUEST, socket);
        AtomicReference<Resumption> answer = new AtomicReference<>();
        registry.resume(c, "ID:gone", 100, Long.MAX_VALUE, () -> registry.subscribe(c, "s", List.of("files"), List.of()), answer::set);
        assertEquals(Resumption.Outcome.UNKNOWN_EVENT, answer.get().outcome());
        assertEquals(List.of(), answer.get().frames());
        registry.deliver("e1", new Envelope("p1", "buckets.b.files.f.create", Json.createObjectBuilder().add("$id", "e1").build(),
                Set.of("any"), Instant.EPOCH));
        assertEquals(List.of("e1"), socket.ids());
    }

    @Test
    void missingMoreThanTheLimitIsAnsweredAsTooMuchWithNoFrames() {
        SubscriptionRegistry registry = new SubscriptionRegistry();
        for (int i = 0; i < 5; i++) {
            registry.deliver("e" + i, new Envelope("p1", "buckets.b.files.f.create", Json.createObjectBuilder().build(),
                    Set.of("any"), Instant.EPOCH));
        }
        Connection c = registry.open("p1", Identity.GUEST, new Socket());
        AtomicReference<Resumption> answer = new AtomicReference<>();
        registry.resume(c, "e0", 3, Long.MAX_VALUE, () -> registry.subscribe(c, "s", List.of("files"), List.of()), answer::set);
        assertEquals(Resumption.Outcome.TOO_MUCH_MISSED, answer.get().outcome());
        registry.resume(c, "e1", 3, Long.MAX_VALUE, () -> { }, answer::set);
        assertEquals(3, answer.get().frames().size());
        assertTrue(answer.get().resumed());
    }

    @Test
    void aRedeliveredEventReachesNobodyTwice() {
        SubscriptionRegistry registry = new SubscriptionRegistry();
        Socket socket = new Socket();
        registry.subscribe(registry.open("p1", Identity.GUEST, socket), "s", List.of("files"), List.of());
        Envelope event = new Envelope("p1", "buckets.b.files.f.create", Json.createObjectBuilder().build(), Set.of("any"), Instant.EPOCH);
        assertEquals(1, registry.deliver("ID:1", event));
        assertEquals(0, registry.deliver("ID:1", event));
        assertEquals(List.of("ID:1"), socket.ids());
    }
}
