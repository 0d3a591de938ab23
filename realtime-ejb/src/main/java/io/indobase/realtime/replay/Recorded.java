package io.indobase.realtime.replay;

import io.indobase.realtime.frame.EventFrame;
import java.util.List;
import java.util.Set;

/**
 * One event as the replay window keeps it: what a resuming connection is filtered by, and its frame, encoded once
 * for live delivery and replay alike.
 *
 * @param receivedMillis when this node received it (the window's age limit counts from here)
 */
public record Recorded(String id, String project, Set<String> readRoles, List<String> channels, EventFrame frame,
                       long receivedMillis) {

    /**
     * An estimate of the memory the entry holds: two bytes per character of its encoded frame, plus overhead. The
     * parsed payload is not kept (a resume that filters by queries parses it back from the frame).
     */
    public long bytes() {
        return 2L * frame.length() + 256;
    }
}
