package io.indobase.realtime.transport.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Appwrite's constructSubscriptions (shared/reference/appwrite-realtime.md §1.6). */
class UrlSubscriptionsTest {

    private static final String ALL = SubscriptionQueries.SELECT_ALL;
    private static final String EQ = "{\"method\":\"equal\",\"attribute\":\"status\",\"values\":[\"active\"]}";

    private static Map<String, List<String>> url(String... keyValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.computeIfAbsent(keyValues[i], k -> new ArrayList<>()).add(keyValues[i + 1]);
        }
        return parameters;
    }

    @Test
    void classicChannelsFormSlotZeroSelectingEverything() {
        assertEquals(List.of(new UrlSubscriptions.Slot(0, List.of("files", "documents"), List.of(ALL))),
                UrlSubscriptions.of(url("project", "p", "channels[]", "files", "channels[]", "documents", "channels[]", "files")));
    }

    @Test
    void noChannelsMeansMessageMode() {
        assertEquals(List.of(), UrlSubscriptions.of(url("project", "p")));
    }

    @Test
    void querySlotsUseTheUnderscoredOrTheDottedChannelName() {
        List<UrlSubscriptions.Slot> slots = UrlSubscriptions.of(url("channels[]", "databases.d.collections.c.documents",
                "channels[]", "files", "databases_d_collections_c_documents[0][]", ALL, "files[1][]", ALL, "files[1][]", ALL));
        assertEquals(List.of(new UrlSubscriptions.Slot(0, List.of("databases.d.collections.c.documents"), List.of(ALL)),
                new UrlSubscriptions.Slot(1, List.of("files"), List.of(ALL, ALL))), slots);
        assertEquals(slots, UrlSubscriptions.of(url("channels[]", "databases.d.collections.c.documents",
                "channels[]", "files", "databases.d.collections.c.documents[0][]", ALL, "files[1][]", ALL, "files[1][]", ALL)));
    }

    @Test
    void aChannelWithoutQueriesFirstPinsSlotZeroToSelectAll() {
        assertEquals(List.of(new UrlSubscriptions.Slot(0, List.of("files", "documents"), List.of(ALL))),
                UrlSubscriptions.of(url("channels[]", "files", "channels[]", "documents", "documents[0][]", EQ)));
    }

    @Test
    void theFirstChannelToGiveASlotQueriesSetsThem() {
        assertEquals(List.of(new UrlSubscriptions.Slot(0, List.of("documents", "files"), List.of(EQ))),
                UrlSubscriptions.of(url("channels[]", "documents", "channels[]", "files", "documents[0][]", EQ,
                        "files[0][]", ALL)));
    }

    @Test
    void aPlainValueIsSlotZeroAndTheProjectParameterIsNeverQueries() {
        assertEquals(List.of(new UrlSubscriptions.Slot(0, List.of("files"), List.of(EQ))),
                UrlSubscriptions.of(url("channels[]", "files", "files", EQ)));
        assertEquals(List.of(new UrlSubscriptions.Slot(0, List.of("project"), List.of(ALL))),
                UrlSubscriptions.of(url("project", "p1", "channels[]", "project")));
    }
}
