package io.indobase.realtime.transport;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.frame.Frames;
import io.indobase.realtime.replay.Resumption;
import io.indobase.realtime.subscription.Connection;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import io.indobase.realtime.transport.protocol.ProtocolException;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * A client's request to continue from the last event it received, the {@code lastEventId} handshake parameter. It
 * is carried out once, together with the connection's first subscriptions (those of the URL, or else of its first
 * {@code subscribe} message): registration and replay happen with no delivery in between, then the client gets a
 * {@code response} to {@code resume} saying whether it has everything, the replayed events, and the live stream.
 */
final class Resume {

    static final String PARAMETER = "lastEventId";
    static final int MAX_LENGTH = 256;

    private volatile String pending;

    private Resume(String lastEventId) {
        this.pending = lastEventId;
    }

    static Resume none() {
        return new Resume(null);
    }

    /** @throws ProtocolException 1008 when the parameter is present but empty or too long */
    static Resume of(Map<String, List<String>> parameters) {
        List<String> values = parameters.get(PARAMETER);
        if (values == null || values.isEmpty()) {
            return none();
        }
        String id = values.get(0);
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            throw new ProtocolException(ProtocolException.POLICY_VIOLATION,
                    "Invalid lastEventId: must be the id of an event, 1 to " + MAX_LENGTH + " characters");
        }
        return new Resume(id);
    }

    /**
     * Runs {@code register}; when a resume is pending and {@code subscribes}, atomically with the replay, whose answer
     * and frames are queued after whatever {@code register} queued.
     */
    void register(SubscriptionRegistry registry, Connection connection, SessionOutbox outbox, boolean subscribes,
                  Runnable register) {
        String lastEventId = pending;
        if (lastEventId == null || !subscribes) {
            register.run();
            return;
        }
        // half the outbox at most, so live events still fit behind the replay
        registry.resume(connection, lastEventId, outbox.capacity() / 2, outbox.maxChars() / 2, register, resumption -> {
            outbox.send(answer(resumption));
            resumption.frames().forEach(outbox::send);
        });
        // only once it ran: a refused subscribe (over a cap) leaves the resume for the next one
        pending = null;
    }

    static String answer(Resumption resumption) {
        JsonObjectBuilder data = JSON.createObjectBuilder()
                .add("lastEventId", resumption.lastEventId())
                .add("resumed", resumption.resumed())
                .add("replayed", resumption.frames().size());
        if (resumption.outcome() == Resumption.Outcome.UNKNOWN_EVENT) {
            data.add("reason", "The event is not in this server's replay window; refetch what you show.");
        } else if (resumption.outcome() == Resumption.Outcome.TOO_MUCH_MISSED) {
            data.add("reason", "Too many events were missed to replay them; refetch what you show.");
        }
        return Frames.response("resume", data);
    }
}
