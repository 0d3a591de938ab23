package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.LocalCluster;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.Tokens;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Scale-out on a real Artemis cluster (docs/scaling.md): two standalone brokers in one cluster, two nodes each fed by
 * its own broker, nginx in front (round-robin). Every event reaches every node once, with one id cluster-wide, so a
 * client may reconnect anywhere and resume; presence and revocations hold across nodes; a killed node's clients move
 * to the other through the balancer and its presences lapse there. The last test kills node 1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClusterIT {

    static final long TTL_MS = 6000;
    static final long RENEW_MS = 1000;
    static final Tokens TOKENS = Tokens.forTests();
    static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.in(Path.of("target", "cluster"), LocalCluster.Artifacts.ofWebBuild()).nodeProperties(Map.of(
                "realtime.presence.ttl-ms", Long.toString(TTL_MS), "realtime.presence.renew-ms", Long.toString(RENEW_MS),
                "realtime.limits.connections-per-ip-per-minute", "100000",
                "realtime.admin.users", Nodes.ADMIN_USERS,
                "mp.jwt.verify.publickey.location", Nodes.JWT_PUBLIC_KEY, "mp.jwt.verify.issuer", Tokens.ISSUER)).start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void anEventPublishedOnOneBrokerReachesTheClientsOfBothNodesExactlyOnceWithOneId() throws Exception {
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(Nodes.connected(cluster.balancer().base(), "project=fan&" + EventPathScenarios.FILES));
            }
            assertTrue(Nodes.connectionsOf(cluster.node(0), "fan") > 0 && Nodes.connectionsOf(cluster.node(1), "fan") > 0,
                    "round-robin put clients on both nodes");
            for (WsClient client : clients) {
                Faults.awaitEventPath(cluster.broker(0), client, "fan", 60);
            }
            List<String> published = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                published.add(cluster.broker(0).publish(DeliveryIT.event("fan", "f" + i, "any", 0)));
            }
            for (WsClient client : clients) {
                List<JsonObject> frames = Nodes.events(client, 20, 20);
                assertEquals(published, frames.stream().map(f -> f.getString("id")).toList(),
                        "every event once, in order, with the producer's id on both nodes");
                assertNull(Faults.nextEvent(client, 1), "nothing twice");
            }
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    @Test
    @Order(2)
    void aClientThatReconnectsThroughTheBalancerToTheOtherNodeResumesWithNoGapAndNoDuplicate() throws Exception {
        String query = "project=hop&" + EventPathScenarios.FILES;
        String lastId;
        int first;
        Nodes.Connected hop = Nodes.connectedWithSubscription(cluster.balancer().base(), query);
        try (WsClient client = hop.client()) {
            Faults.awaitEventPath(cluster.broker(0), client, "hop", 60);
            first = Nodes.servingNode(cluster, "hop", hop.subscription());
            for (int i = 1; i <= 3; i++) {
                cluster.broker(0).publish(DeliveryIT.event("hop", "h" + i, "any", 0));
            }
            List<JsonObject> frames = Nodes.events(client, 3, 10);
            assertEquals(3, frames.size());
            lastId = frames.get(2).getString("id");
        }
        // missed while away; one producer on one broker, so both nodes receive them in its order
        for (int i = 4; i <= 6; i++) {
            cluster.broker(0).publish(DeliveryIT.event("hop", "h" + i, i == 5 ? "users" : "any", 0));
        }
        String resume = query + "&lastEventId=" + URLEncoder.encode(lastId, StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 4; attempt++) {
            Nodes.Connected again = Nodes.connectedWithSubscription(cluster.balancer().base(), resume);
            try (WsClient client = again.client()) {
                JsonObject answer = client.next().getJsonObject("data"); // sent once the socket is registered
                if (Nodes.servingNode(cluster, "hop", again.subscription()) == first) {
                    continue; // round-robin sent it to the same node: the next connection goes to the other
                }
                assertEquals("resume", answer.getString("to"), answer.toString());
                assertTrue(answer.getBoolean("resumed"), "the other node has the id in its window: " + answer);
                cluster.broker(0).publish(DeliveryIT.event("hop", "h7", "any", 0));
                assertEquals(List.of("h4", "h6", "h7"), DeliveryIT.events(client, 3, 10),
                        "what it missed and may read, then the live stream");
                assertNull(Faults.nextEvent(client, 1), "nothing twice");
                return;
            }
        }
        throw new AssertionError("the balancer never sent the client to the other node");
    }

    @Test
    @Order(3)
    void aPresenceUpsertedOnOneNodeIsListedAndDeliveredOnTheOtherAndDeletedThereWhenItsSocketCloses() throws Exception {
        try (WsClient watcher = Nodes.watcher(cluster.node(1), "pres", TOKENS)) {
            try (WsClient pam = Nodes.signedIn(cluster.node(0), "pres", "pam", TOKENS)) {
                Faults.awaitEventPath(cluster.broker(0), pam, "pres", 60);
                pam.send(Nodes.presence("pr-pam"));
                assertEquals("presences.pr-pam.upsert", Nodes.firstEventName(watcher, "presences.pr-pam."));
                assertTrue(Nodes.presences(cluster.node(1), "pres").contains("\"pr-pam\""), "listed on the other node");
            }
            assertEquals("presences.pr-pam.delete", Nodes.firstEventName(watcher, "presences.pr-pam."));
            assertFalse(Nodes.presences(cluster.node(1), "pres").contains("\"pr-pam\""), "gone from the other node's list");
        }
    }

    @Test
    @Order(4)
    void aSessionEndedOnOneBrokerClosesItsSocketsOnEveryNodeAndNoNodeTakesItsTokenAgain() throws Exception {
        String token = TOKENS.token("rev", List.of(), "sess-rev", 300);
        String query = "project=rev&" + EventPathScenarios.FILES + "&jwt=" + token;
        try (WsClient onFirst = Nodes.connected(cluster.node(0).base(), query);
             WsClient onSecond = Nodes.connected(cluster.node(1).base(), query)) {
            Faults.awaitEventPath(cluster.broker(0), onFirst, "rev", 60);
            Faults.awaitEventPath(cluster.broker(0), onSecond, "rev", 60);
            // seen by broker b only; the cluster forwards it to node 1's subscription on broker a
            cluster.broker(1).publish(io.indobase.realtime.testkit.Envelopes.of("rev", "users.rev.sessions.sess-rev.delete",
                    "{\"$id\":\"sess-rev\"}", "user:rev"));
            for (WsClient client : List.of(onFirst, onSecond)) {
                JsonObject error = Nodes.nextOfType(client, "error", 10).getJsonObject("data");
                assertEquals("The session ended.", error.getString("message"));
                assertEquals(1008, client.closeCode(10, TimeUnit.SECONDS));
            }
        }
        for (MicroNode node : cluster.nodes()) {
            try (WsClient again = WsClient.connect(node.base(), query)) {
                JsonObject error = again.next().getJsonObject("data");
                assertEquals(401, error.getInt("code"), "node on " + node.port() + ": " + error);
                assertEquals("The session was revoked.", error.getString("message"));
                assertEquals(1008, again.closeCode(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    @Order(5)
    void aKilledNodesClientsResumeOnTheOtherThroughTheBalancerAndItsPresencesLapseThere() throws Exception {
        List<WsClient> onFirst = Nodes.clientsOn(cluster, 0, "kill", 2);
        try (WsClient watcher = Nodes.watcher(cluster.node(1), "kill", TOKENS);
             WsClient kim = Nodes.signedIn(cluster.node(0), "kill", "kim", TOKENS)) {
            Faults.awaitEventPath(cluster.broker(0), kim, "kill", 60);
            kim.send(Nodes.presence("pr-kim"));
            assertEquals("presences.pr-kim.upsert", Nodes.firstEventName(watcher, "presences.pr-kim."));
            List<String> lastIds = new ArrayList<>();
            for (WsClient client : onFirst) {
                Faults.awaitEventPath(cluster.broker(0), client, "kill", 60);
            }
            cluster.broker(1).publish(DeliveryIT.event("kill", "k1", "any", 0));
            for (WsClient client : onFirst) {
                lastIds.add(Nodes.events(client, 1, 10).get(0).getString("id"));
            }

            long killed = System.nanoTime();
            cluster.node(0).kill();
            cluster.broker(0).publish(DeliveryIT.event("kill", "k2", "any", 0));
            cluster.broker(0).publish(DeliveryIT.event("kill", "k3", "any", 0));
            for (String lastId : lastIds) {
                try (WsClient moved = Nodes.connected(cluster.balancer().base(), "project=kill&" + EventPathScenarios.FILES
                        + "&lastEventId=" + URLEncoder.encode(lastId, StandardCharsets.UTF_8))) {
                    JsonObject answer = moved.next().getJsonObject("data");
                    assertTrue(answer.getBoolean("resumed"), "resumed on the surviving node: " + answer);
                    assertEquals(List.of("k2", "k3"), DeliveryIT.events(moved, 2, 10), "nothing missed");
                    assertNull(Faults.nextEvent(moved, 1), "nothing twice");
                }
            }
            assertEquals("presences.pr-kim.delete", Nodes.firstEventName(watcher, "presences.pr-kim."),
                    "the dead node's presence lapses on the other");
            long lapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            System.out.printf("cluster: node 1 killed; its presence lapsed on node 2 after %d ms (ttl %d ms)%n", lapsed, TTL_MS);
            // expiresAt is at most TTL after the kill; the survivor looks every RENEW_MS; a second of slack for a busy CI
            assertTrue(lapsed <= TTL_MS + RENEW_MS + 1000, "within the TTL and one renewal: " + lapsed + " ms");
        } finally {
            onFirst.forEach(WsClient::close);
        }
    }
}
