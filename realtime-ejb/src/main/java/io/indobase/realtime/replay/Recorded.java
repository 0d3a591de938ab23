package io.indobase.realtime.replay;

import io.indobase.realtime.frame.EventFrame;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * One event as the replay window keeps it: what a resuming connection is filtered by, and its frame, encoded once
 * for live delivery and replay alike.
 *
 * @param payload        the resource, for the subscriptions' query filters
 * @param receivedMillis when this node received it (the window's age limit counts from here)
 */
public record Recorded(String id, String project, Set<String> readRoles, List<String> channels, JsonObject payload,
                       EventFrame frame, long receivedMillis) {

    /** An estimate of the memory the entry holds: two bytes per character of its encoded frame, plus overhead (the
     * payload is the frame's source and counted with it). */
    public long bytes() {
        return 2L * frame.length() + 256;
    }
}
