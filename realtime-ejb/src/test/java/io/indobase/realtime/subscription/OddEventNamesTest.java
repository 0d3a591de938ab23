package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.indobase.realtime.channel.EventChannels;
import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.permission.Identity;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Producers may send any dot-separated name: short, long, or mixing family words in odd places. None may make a
 * derivation throw, since an exception in the consumer would stall the topic for every client.
 */
class OddEventNamesTest {

    private static final List<String> WORDS = List.of("users", "databases", "tablesdb", "documentsdb", "vectorsdb",
            "collections", "tables", "documents", "rows", "attributes", "columns", "indexes", "buckets", "files",
            "functions", "executions", "deployments", "teams", "memberships", "presences", "reports", "insights",
            "rules", "projects", "sessions", "create", "update", "upsert", "delete", "status", "prefs", "x1", "*");

    @RepeatedTest(20)
    void everyNameDerivesWithoutThrowing(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        SubscriptionRegistry registry = new SubscriptionRegistry();
        Connection connection = registry.open("p1", Identity.GUEST, new SubscriptionRegistryTest.Inbox());
        registry.subscribe(connection, "all", WORDS, List.of());
        for (int i = 0; i < 2000; i++) {
            StringJoiner name = new StringJoiner(".");
            int parts = 1 + random.nextInt(9);
            for (int p = 0; p < parts; p++) {
                name.add(WORDS.get(random.nextInt(WORDS.size())));
            }
            String event = name.toString();
            assertDoesNotThrow(() -> EventChannels.of(event, "p1"), event);
            assertDoesNotThrow(() -> registry.deliver(new Envelope("p1", event, JsonValue.EMPTY_JSON_OBJECT,
                    Set.of("any"), Instant.EPOCH)), event);
        }
    }
}
