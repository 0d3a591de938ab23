package io.indobase.realtime.replay;

import java.util.List;

/**
 * The answer to a connection that resumes from an event id.
 *
 * @param lastEventId the id the client gave
 * @param outcome     whether the client has everything it may read since that event
 * @param frames      the frames to send it, oldest first, before any live event; empty unless {@code RESUMED}
 */
public record Resumption(String lastEventId, Outcome outcome, List<String> frames) {

    public enum Outcome {
        /** every event after the last one that the connection may read is in {@code frames}: no gap */
        RESUMED,
        /** the id is not in this node's window (too old, unknown here, or the node restarted): refetch */
        UNKNOWN_EVENT,
        /** more was missed than the connection's outbox may hold: refetch */
        TOO_MUCH_MISSED
    }

    public Resumption {
        frames = List.copyOf(frames);
    }

    public boolean resumed() {
        return outcome == Outcome.RESUMED;
    }
}
