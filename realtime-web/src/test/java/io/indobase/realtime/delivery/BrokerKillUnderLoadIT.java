package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broker killed with {@code kill -9} while a durable node streams {@value #PER_SECOND} events a second to
 * {@value #CLIENTS} sockets, then restarted: the sockets stay open and each receives every event of its project the
 * broker confirmed, once, in order; clients that left during the outage and come back with {@code lastEventId} get
 * the rest, once, in order. The broker's redeliveries of what the node had already received are dropped by the
 * replay window. The sockets are in {@value #GROUPS} projects of ten: each event goes to ten of them, so the node
 * sends {@value #PER_SECOND} × 10 frames a second.
 */
class BrokerKillUnderLoadIT {

    static final int CLIENTS = 1000;
    static final int GROUPS = 100;
    static final int EVENTS = 8000;
    static final int KILL_AFTER = 3000;
    static final int RETURN_AFTER = 5000;
    static final int PER_SECOND = 500;

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void killingTheBrokerUnderLoadLosesAndDoublesNoEventForClientsThatStayedOrResumed() throws Exception {
        try (FaultRig rig = FaultRig.start("kill-under-load", CLIENTS, Map.of());
             SteadyPublisher publisher = new SteadyPublisher(rig.broker.port(), GROUPS, PER_SECOND, EVENTS)) {
            long connecting = System.nanoTime();
            List<WsClient> clients = rig.connect(CLIENTS, i -> query(publisher.groupOf(i)));
            long connected = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connecting);
            Faults.awaitEventPath(rig.broker, clients.get(0), SteadyPublisher.group(0), 60);
            CountDownLatch killNow = new CountDownLatch(1);
            CountDownLatch returnNow = new CountDownLatch(1);
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> publisher.publishWhile(i -> {
                if (i == KILL_AFTER + 1) {
                    killNow.countDown();
                } else if (i == RETURN_AFTER + 1) {
                    returnNow.countDown();
                }
                return i <= EVENTS;
            }));
            assertTrue(killNow.await(120, TimeUnit.SECONDS), "the first " + KILL_AFTER + " events were published");
            long killed = System.nanoTime();
            rig.broker.kill();
            List<Left> left = new ArrayList<>();
            for (int i = 0; i < GROUPS; i++) {
                left.add(Left.closing(clients.get(i))); // one leaver in each project
            }
            rig.broker.start();
            assertTrue(returnNow.await(120, TimeUnit.SECONDS), "publishing went on after the restart up to e" + RETURN_AFTER);
            List<WsClient> returned = new ArrayList<>();
            for (int i = 0; i < GROUPS; i++) {
                returned.add(rig.connect(query(i) + "&lastEventId=" + URLEncoder.encode(left.get(i).lastId, StandardCharsets.UTF_8)));
            }
            load.get(120, TimeUnit.SECONDS);

            for (int i = GROUPS; i < CLIENTS; i++) {
                List<String> expected = publisher.expected(publisher.groupOf(i), 1, EVENTS);
                List<String> got = DeliveryIT.events(clients.get(i), expected.size(), 90);
                if (!expected.equals(got)) {
                    assertEquals(expected, got, "socket " + i + ": every event of its project once, in order, across the"
                            + " broker's kill; " + rig.diagnosis(clients.get(i)));
                }
            }
            long allThere = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            assertNull(Faults.nextEvent(clients.get(GROUPS), 1), "nothing twice");
            for (int i = GROUPS; i < CLIENTS; i++) {
                assertNull(clients.get(i).next(0, TimeUnit.SECONDS), "nothing twice"); // all filled at once: a second would be queued by now
            }
            for (int g = 0; g < GROUPS; g++) {
                JsonObject resume = returned.get(g).next(10, TimeUnit.SECONDS).getJsonObject("data");
                assertEquals("resume", resume.getString("to"), resume.toString());
                assertTrue(resume.getBoolean("resumed"), "the last event before leaving is in the window: " + resume);
                List<String> expected = publisher.expected(g, 1, EVENTS);
                List<String> all = new ArrayList<>(left.get(g).ids);
                all.addAll(DeliveryIT.events(returned.get(g), expected.size() - left.get(g).ids.size(), 60));
                if (!expected.equals(all)) {
                    assertEquals(expected, all, "what a client had before it left, then what it resumed, once, in order; "
                            + rig.diagnosis(returned.get(g)));
                }
                assertNull(returned.get(g).next(0, TimeUnit.SECONDS), "nothing twice after the resume");
            }
            System.out.printf("broker kill -9 under load: %d sockets in %d projects (connected in %d ms), %d events at %d/s"
                    + " (%d frames/s; %.0f/s reached outside the outage of %d ms, %.0f/s with it), killed after e%d; %d"
                    + " sockets had all of theirs %d ms after the kill, %d resumed; %d sends retried while the broker was"
                    + " down%n", CLIENTS, GROUPS, connected, EVENTS, PER_SECOND, PER_SECOND * CLIENTS / GROUPS,
                    publisher.steadyRate(), publisher.longestSendMillis(), publisher.rate(), KILL_AFTER, CLIENTS - GROUPS,
                    allThere, GROUPS, publisher.retries());
        }
    }

    private static String query(int group) {
        return "project=" + SteadyPublisher.group(group) + "&" + EventPathScenarios.FILES;
    }

    /** What a client that left had received: the payload ids, and the id of its last event frame. */
    private record Left(List<String> ids, String lastId) {

        /** Closes the client; once the server's close frame is in, every frame before it is queued. */
        static Left closing(WsClient client) throws InterruptedException {
            assertEquals(1000, client.closeAndAwait(10, TimeUnit.SECONDS), "the server answers the close");
            List<String> ids = new ArrayList<>();
            String lastId = null;
            for (JsonObject frame = client.next(0, TimeUnit.SECONDS); frame != null; frame = client.next(0, TimeUnit.SECONDS)) {
                String id = frame.getString("type").equals("event")
                        ? frame.getJsonObject("data").getJsonObject("payload").getString("$id") : "probe";
                if (!id.equals("probe")) {
                    ids.add(id);
                    lastId = frame.getString("id");
                }
            }
            assertTrue(lastId != null, "a leaver had received events before the kill");
            return new Left(ids, lastId);
        }
    }
}
