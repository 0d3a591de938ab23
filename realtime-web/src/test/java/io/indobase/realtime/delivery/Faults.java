package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;

/** Helpers of the tests that run a real broker process. */
final class Faults {

    private Faults() {
    }

    /**
     * Publishes probes on the broker until one reaches the client (the events MDB subscribes a moment after it
     * connects), then drains the probes still in flight.
     */
    static void awaitEventPath(ArtemisProcess broker, WsClient client, String project, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        JsonObject frame = null;
        while (frame == null && System.nanoTime() < deadline) {
            try {
                broker.publish(DeliveryIT.event(project, "probe", "any", 0));
            } catch (Exception e) {
                // the broker is still starting: the wait for a frame below paces the next attempt
            }
            frame = client.next(500, TimeUnit.MILLISECONDS);
        }
        assertNotNull(frame, "no event reached the socket within " + timeoutSeconds + " s");
        while (client.next(300, TimeUnit.MILLISECONDS) != null) {
            // probes still in flight
        }
    }

    /** The next event frame, skipping probes; null after the timeout. */
    static JsonObject nextEvent(WsClient client, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            JsonObject frame = client.next(500, TimeUnit.MILLISECONDS);
            if (frame != null && "event".equals(frame.getString("type"))
                    && !"probe".equals(frame.getJsonObject("data").getJsonObject("payload").getString("$id"))) {
                return frame;
            }
        }
        return null;
    }
}
