package io.indobase.realtime.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.frame.EventFrame;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    private Recorded event(String id, int payloadChars) {
        Envelope envelope = new Envelope("p", "buckets.b.files." + id + ".create",
                Json.createObjectBuilder().add("$id", id).add("pad", "x".repeat(payloadChars)).build(), Set.of("any"), Instant.EPOCH);
        return new Recorded(id, "p", Set.of("any"), List.of("files"), new EventFrame(id, envelope, List.of(), List.of("files")),
                now.get());
    }

    private static List<String> ids(Optional<List<Recorded>> events) {
        return events.orElseThrow().stream().map(Recorded::id).toList();
    }

    @Test
    void returnsTheEventsAfterAnIdInTheOrderTheyWereReceived() {
        ReplayWindow window = new ReplayWindow(120_000, 100, 1 << 20, now::get);
        for (String id : List.of("c", "a", "b", "d")) {
            window.append(event(id, 0));
        }
        assertEquals(List.of("b", "d"), ids(window.after("a")));
        assertEquals(List.of(), ids(window.after("d")));
        assertEquals(Optional.empty(), window.after("never"));
    }

    @Test
    void aRedeliveredIdIsNotAppendedTwice() {
        ReplayWindow window = new ReplayWindow(120_000, 100, 1 << 20, now::get);
        assertTrue(window.append(event("a", 0)));
        window.append(event("b", 0));
        assertFalse(window.append(event("a", 0)));
        assertEquals(List.of("b"), ids(window.after("a")));
    }

    @Test
    void evictsTheOldestBeyondTheCountAndTheirIdsBecomeUnknown() {
        ReplayWindow window = new ReplayWindow(120_000, 3, 1 << 20, now::get);
        for (String id : List.of("1", "2", "3", "4", "5")) {
            window.append(event(id, 0));
        }
        assertEquals(3, window.size());
        assertEquals(Optional.empty(), window.after("2"));
        assertEquals(List.of("4", "5"), ids(window.after("3")));
    }

    @Test
    void evictsBeyondTheBytes() {
        long oneEvent = event("x", 10_000).bytes();
        ReplayWindow window = new ReplayWindow(120_000, 100, 2 * oneEvent + 10, now::get);
        for (String id : List.of("1", "2", "3")) {
            window.append(event(id, 10_000));
        }
        assertEquals(2, window.size());
        assertTrue(window.bytes() <= 2 * oneEvent + 10);
        assertEquals(Optional.empty(), window.after("1"));
        assertEquals(List.of("3"), ids(window.after("2")));
    }

    @Test
    void forgetsWhatIsOlderThanTheRetention() {
        ReplayWindow window = new ReplayWindow(120_000, 100, 1 << 20, now::get);
        window.append(event("old", 0));
        now.addAndGet(60_000);
        window.append(event("newer", 0));
        now.addAndGet(60_001);
        assertEquals(Optional.empty(), window.after("old"), "121 s later the first event is out of the window");
        assertEquals(List.of(), ids(window.after("newer")));
        assertEquals(1, window.size());
    }

    @Test
    void localIdsAreUniqueAndMarkedAsLocal() {
        ReplayWindow window = new ReplayWindow();
        String first = window.localId();
        assertTrue(first.startsWith("local:"), first);
        assertFalse(first.equals(window.localId()));
    }
}
