package io.indobase.realtime.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples from the Appwrite reference (docs: shared/reference/appwrite-realtime.md §3). */
class EventChannelsTest {

    @Test
    void legacyDocumentCreateGivesSixteenChannels() {
        List<String> channels = EventChannels.of("databases.db1.collections.col1.documents.doc1.create", "p1");
        assertEquals(List.of("documents", "databases.db1.collections.col1.documents",
                "databases.db1.collections.col1.documents.doc1", "rows", "databases.db1.tables.col1.rows",
                "databases.db1.tables.col1.rows.doc1", "tablesdb.db1.tables.col1.rows", "tablesdb.db1.tables.col1.rows.doc1",
                "documents.create", "databases.db1.collections.col1.documents.create",
                "databases.db1.collections.col1.documents.doc1.create", "rows.create", "databases.db1.tables.col1.rows.create",
                "databases.db1.tables.col1.rows.doc1.create", "tablesdb.db1.tables.col1.rows.create",
                "tablesdb.db1.tables.col1.rows.doc1.create"), channels);
    }

    @Test
    void tablesDbRowUpdateGivesTheSameSixteenShapes() {
        assertEquals(16, EventChannels.of("tablesdb.db1.tables.t1.rows.r1.update", "p1").size());
    }

    @Test
    void fileCreateGivesSixChannels() {
        assertEquals(List.of("files", "buckets.b1.files", "buckets.b1.files.f1", "files.create", "buckets.b1.files.create",
                "buckets.b1.files.f1.create"), EventChannels.of("buckets.b1.files.f1.create", "p1"));
    }

    @Test
    void accountChannelsAreSuffixedOnlyWhenTheThirdPartIsTheAction() {
        assertEquals(List.of("account", "account.u1", "account.update", "account.u1.update"),
                EventChannels.of("users.u1.update.name", "p1"));
        assertEquals(List.of("account", "account.u1"), EventChannels.of("users.u1.verification.v1.create", "p1"));
    }

    @Test
    void teamsMembershipsExecutionsAndPresences() {
        assertEquals(List.of("teams", "teams.t1", "teams.update", "teams.t1.update"), EventChannels.of("teams.t1.update.prefs", "p1"));
        assertEquals(List.of("memberships", "memberships.m1", "memberships.update", "memberships.m1.update"),
                EventChannels.of("teams.t1.memberships.m1.update.status", "p1"));
        assertEquals(List.of("console", "projects.p1", "executions", "executions.e1", "functions.fn1",
                "executions.create", "executions.e1.create", "functions.fn1.create"),
                EventChannels.of("functions.fn1.executions.e1.create", "p1"));
        assertEquals(List.of("presences", "presences.p1", "presences.upsert", "presences.p1.upsert"),
                EventChannels.of("presences.p1.upsert", "p1"));
    }

    @Test
    void familiesWithoutRealtimeTrafficGiveNoChannel() {
        assertEquals(List.of(), EventChannels.of("databases.db1.create", "p1"));
        assertEquals(List.of(), EventChannels.of("buckets.b1.update", "p1"));
        assertEquals(List.of(), EventChannels.of("messages.m1.create", "p1"));
    }

    @Test
    void consoleOnlyFamiliesGiveNoChannel() {
        assertEquals(List.of(), EventChannels.of("databases.db1.collections.c1.attributes.a1.create", "p1"));
        assertEquals(List.of(), EventChannels.of("functions.fn1.deployments.d1.create", "p1"));
        assertEquals(List.of(), EventChannels.of("rules.r1.create", "p1"));
        assertEquals(List.of(), EventChannels.of("projects.p1.update", "p1"));
    }

    @Test
    void reportsAreNotSuffixedBecauseReportsIsNoResourceLeaf() {
        assertEquals(List.of("reports", "reports.r1"), EventChannels.of("reports.r1.create", "p1"));
        assertEquals(List.of("reports", "reports.r1", "reports.r1.insights", "reports.r1.insights.i1"),
                EventChannels.of("reports.r1.insights.i1.update", "p1"));
    }

    @Test
    void channelsComeFromTheFirstExpandedName() {
        String first = EventNames.expand("users.u1.update.email").get(0);
        assertEquals(List.of("account", "account.u1", "account.update", "account.u1.update"), EventChannels.of(first, "p1"));
        assertEquals(16, EventChannels.of(EventNames.expand("tablesdb.d.tables.t.rows.r.upsert").get(0), "p1").size());
    }
}
