package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.indobase.realtime.testkit.Http;
import io.indobase.realtime.testkit.LocalCluster;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.OperationsScenarios;
import io.indobase.realtime.testkit.Tokens;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the tests of several nodes ask of them and of their clients: where a socket is, frames, presence. */
final class Nodes {

    static final String ADMIN_USERS = OperationsScenarios.ADMIN_USERS;
    static final String JWT_PUBLIC_KEY = Path.of("..", "realtime-testkit", "src", "main", "resources", "io", "indobase",
            "realtime", "testkit", "jwt-test-public.pem").toAbsolutePath().normalize().toString();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:it-admin-secret".getBytes(StandardCharsets.UTF_8));

    private Nodes() {
    }

    /** A client that got its {@code connected} frame. */
    static WsClient connected(URL base, String query) throws Exception {
        return connectedWithSubscription(base, query).client();
    }

    /** A client that got its {@code connected} frame, and the id of its first subscription in that frame. */
    static Connected connectedWithSubscription(URL base, String query) throws Exception {
        WsClient client = WsClient.connect(base, query);
        JsonObject first = client.next();
        assertNotNull(first, () -> "no frame; close code " + client.closeCode(1, TimeUnit.SECONDS)); // a message computed only on failure
        assertEquals("connected", first.getString("type"), first.toString());
        JsonArray subscriptions = first.getJsonObject("data").getJsonArray("subscriptions");
        return new Connected(client, subscriptions.isEmpty() ? null : subscriptions.getString(0));
    }

    /** A connected client and the id of its first subscription (null without one). */
    record Connected(WsClient client, String subscription) {
    }

    /** A signed-in client (a test token) of {@code project} on {@code node}. */
    static WsClient signedIn(MicroNode node, String project, String user, Tokens tokens) throws Exception {
        return connected(node.base(), "project=" + project + "&channels%5B%5D=files&jwt=" + tokens.token(user, List.of(), null, 300));
    }

    /** A signed-in client subscribed to the presences of {@code project}. */
    static WsClient watcher(MicroNode node, String project, Tokens tokens) throws Exception {
        return connected(node.base(), "project=" + project + "&channels%5B%5D=presences&jwt="
                + tokens.token("watcher-" + node.port(), List.of(), null, 300));
    }

    /** The {@code presence} message of SDK 28's {@code upsertPresence}, readable by anyone. */
    static String presence(String id) {
        return "{\"type\":\"presence\",\"data\":{\"status\":\"online\",\"presenceId\":\"" + id
                + "\",\"permissions\":[\"read(\\\"any\\\")\"]}}";
    }

    /** The body of the node's presence list of {@code project}, as a guest. */
    static String presences(MicroNode node, String project) throws Exception {
        Http.Reply reply = Http.get(node.base(), "v1/realtime/presences?project=" + project);
        assertEquals(200, reply.status(), reply.body());
        return reply.body();
    }

    /** The first event name of the next event whose name starts with {@code prefix}, or null after 20 s. */
    static String firstEventName(WsClient client, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            JsonObject frame = client.next(500, TimeUnit.MILLISECONDS);
            if (frame != null && "event".equals(frame.getString("type"))) {
                String name = frame.getJsonObject("data").getJsonArray("events").getString(0);
                if (name.startsWith(prefix)) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The next frame of that type (others skipped); fails after the timeout. */
    static JsonObject nextOfType(WsClient client, String type, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            JsonObject frame = client.next(500, TimeUnit.MILLISECONDS);
            if (frame != null && type.equals(frame.getString("type"))) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " frame within " + timeoutSeconds + " s");
    }

    /** The next {@code count} event frames that are not probes (fewer after the timeout). */
    static List<JsonObject> events(WsClient client, int count, long timeoutSeconds) throws InterruptedException {
        List<JsonObject> frames = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (frames.size() < count && System.nanoTime() < deadline) {
            JsonObject frame = Faults.nextEvent(client, 1);
            if (frame != null) {
                frames.add(frame);
            }
        }
        return frames;
    }

    /** Open connections of {@code project} on the node, from its admin API. */
    static int connectionsOf(MicroNode node, String project) throws Exception {
        Http.Reply reply = Http.get(node.base(), "v1/realtime/admin/connections?project=" + project, "Authorization", ADMIN);
        assertEquals(200, reply.status(), reply.body());
        return Json.createReader(new StringReader(reply.body())).readArray().size();
    }

    /**
     * The node (0 or 1) holding the socket of {@code project} with the subscription {@code subscription} (an id of
     * its {@code connected} frame), from the admin API. Call it once the socket is known to be registered: after an
     * event or a {@code resume} answer reached it (a node sends {@code connected} before it registers the socket).
     */
    static int servingNode(LocalCluster cluster, String project, String subscription) throws Exception {
        for (int index = 0; index < 2; index++) {
            Http.Reply reply = Http.get(cluster.node(index).base(), "v1/realtime/admin/connections?project=" + project,
                    "Authorization", ADMIN);
            assertEquals(200, reply.status(), reply.body());
            for (JsonValue connection : Json.createReader(new StringReader(reply.body())).readArray()) {
                for (JsonValue held : connection.asJsonObject().getJsonArray("subscriptions")) {
                    if (held.asJsonObject().getString("id").equals(subscription)) {
                        return index;
                    }
                }
            }
        }
        throw new AssertionError("no node holds the subscription " + subscription + " of " + project);
    }

    /** {@code count} clients of {@code project} that the balancer sent to node {@code index} (the others are closed). */
    static List<WsClient> clientsOn(LocalCluster cluster, int index, String project, int count) throws Exception {
        List<WsClient> kept = new ArrayList<>();
        for (int attempt = 0; kept.size() < count && attempt < 4 * count; attempt++) {
            Connected connected = connectedWithSubscription(cluster.balancer().base(), "project=" + project + "&channels%5B%5D=files");
            WsClient client = connected.client();
            client.send("{\"type\":\"ping\"}");
            assertEquals("pong", client.next().getString("type"), "a pong: the node has registered the socket");
            if (servingNode(cluster, project, connected.subscription()) == index) {
                kept.add(client);
            } else {
                client.close(); // on the other node
            }
        }
        assertEquals(count, kept.size(), "the balancer sent clients to node " + (index + 1));
        return kept;
    }
}
