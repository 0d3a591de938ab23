package io.indobase.realtime.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Appwrite's wildcard expansion; sizes and lists from shared/reference/appwrite-realtime.md §4.2. */
class EventNamesTest {

    @ParameterizedTest(name = "{0} gives {1} names")
    @CsvSource({
            "databases.db1.collections.col1.documents.doc1.create, 42",
            // the reference note says 66; Appwrite's mirrorCollectionEvents dedupes databases.db1 and databases.*,
            // which the TablesDB-to-databases and databases-to-tables renames both produce: 22 x 3 - 2
            "tablesdb.db1.tables.t1.rows.r1.update, 64",
            "documentsdb.db1.collections.c1.documents.d1.create, 22",
            "vectorsdb.db1.collections.c1.documents.d1.delete, 22",
            "buckets.b1.files.f1.create, 10",
            "users.u1.update.name, 6",
            "teams.t1.memberships.m1.update.status, 16",
            "presences.p1.upsert, 4",
    })
    void expandsToAppwritesNumberOfNames(String event, int size) {
        List<String> names = EventNames.expand(event);
        assertEquals(size, names.size(), () -> String.join("\n", names));
        assertEquals(size, new HashSet<>(names).size(), "no duplicates");
    }

    @Test
    void userAttributeUpdateListsTheEventWithoutAttributeFirst() {
        assertEquals(List.of("users.U1.update", "users.*.update", "users.U1.update.name", "users.*.update.name",
                "users.U1", "users.*"), EventNames.expand("users.U1.update.name"));
    }

    @Test
    void fileCreateStarsEachIdInTurn() {
        assertEquals(List.of("buckets.B.files.F.create", "buckets.*.files.*.create", "buckets.B.files.*.create",
                "buckets.*.files.F.create", "buckets.B.files.F", "buckets.*.files.*", "buckets.B.files.*",
                "buckets.*.files.F", "buckets.B", "buckets.*"), EventNames.expand("buckets.B.files.F.create"));
    }

    @Test
    void legacyDocumentNamesArePairedWithTheirTableTwins() {
        List<String> names = EventNames.expand("databases.db1.collections.col1.documents.doc1.create");
        assertEquals(List.of("databases.db1.collections.col1.documents.doc1.create",
                "databases.db1.tables.col1.rows.doc1.create",
                "databases.*.collections.*.documents.*.create",
                "databases.*.tables.*.rows.*.create",
                "databases.db1.collections.*.documents.doc1.create",
                "databases.db1.tables.*.rows.doc1.create"), names.subList(0, 6));
        assertEquals(List.of("databases.db1", "databases.*"), names.subList(40, 42));
        assertTrue(names.contains("databases.*.collections.col1.documents.*.create"));
        assertTrue(names.contains("databases.db1.collections.col1"));
    }

    @Test
    void tablesDbRowsAlsoSpeakBothLegacyDialects() {
        List<String> names = EventNames.expand("tablesdb.db1.tables.t1.rows.r1.update");
        assertEquals(List.of("tablesdb.db1.tables.t1.rows.r1.update",
                "databases.db1.collections.t1.documents.r1.update",
                "databases.db1.tables.t1.rows.r1.update"), names.subList(0, 3));
        assertTrue(names.containsAll(List.of("tablesdb.*", "databases.*", "databases.*.tables.*.rows.*")));
    }

    @Test
    void documentsDbIsNotMirrored() {
        assertTrue(EventNames.expand("documentsdb.d.collections.c.documents.x.create").stream()
                .allMatch(name -> name.startsWith("documentsdb.")));
    }

    @Test
    void membershipStatusKeepsAppwritesTeamLevelAttributeQuirk() {
        List<String> names = EventNames.expand("teams.t1.memberships.m1.update.status");
        assertEquals("teams.t1.memberships.m1.update.status", names.get(0));
        assertTrue(names.contains("teams.t1.update.status"));
        assertTrue(names.contains("teams.*.memberships.m1.update"));
    }

    @Test
    void sessionEventsHaveTwoIdLevels() {
        assertEquals(List.of("users.u1.sessions.s1.create", "users.*.sessions.*.create", "users.u1.sessions.*.create",
                "users.*.sessions.s1.create", "users.u1.sessions.s1", "users.*.sessions.*", "users.u1.sessions.*",
                "users.*.sessions.s1", "users.u1", "users.*"), EventNames.expand("users.u1.sessions.s1.create"));
    }

    @Test
    void aSinglePartEventIsItsOnlyName() {
        assertEquals(List.of("ping"), EventNames.expand("ping"));
    }
}
