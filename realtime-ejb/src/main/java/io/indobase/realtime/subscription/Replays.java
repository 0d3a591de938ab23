package io.indobase.realtime.subscription;

import io.indobase.realtime.permission.Access;
import io.indobase.realtime.replay.Recorded;
import io.indobase.realtime.replay.Resumption;
import io.indobase.realtime.stats.RealtimeStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a resuming connection missed: the window's later events filtered as a live delivery would filter them, by
 * the connection's project, current roles and current subscriptions with their query filters.
 */
final class Replays {

    private Replays() {
    }

    static Resumption of(Connection connection, String lastEventId, Optional<List<Recorded>> later, int maxFrames,
                         long maxChars, RealtimeStats stats, MatchFailures failures) {
        Resumption resumption = of(connection, lastEventId, later, maxFrames, maxChars, failures);
        stats.resumed(resumption.outcome().name());
        return resumption;
    }

    private static Resumption of(Connection connection, String lastEventId, Optional<List<Recorded>> later, int maxFrames,
                                 long maxChars, MatchFailures failures) {
        if (later.isEmpty()) {
            return new Resumption(lastEventId, Resumption.Outcome.UNKNOWN_EVENT, List.of());
        }
        List<String> frames = new ArrayList<>();
        long chars = 0;
        for (Recorded event : later.get()) {
            if (!event.project().equals(connection.project()) || !Access.mayRead(connection.roles(), event.readRoles())) {
                continue;
            }
            if (!connection.listens(event.channels())) {
                continue;
            }
            // the window keeps frames, not parsed payloads: the queries get the payload parsed back
            List<String> matched = connection.matching(event.channels(), event.frame().payload(), event.id(), failures);
            if (matched.isEmpty()) {
                continue;
            }
            String frame = event.frame().withSubscriptions(matched);
            chars += frame.length();
            frames.add(frame);
            if (frames.size() > maxFrames || chars > maxChars) {
                return new Resumption(lastEventId, Resumption.Outcome.TOO_MUCH_MISSED, List.of());
            }
        }
        return new Resumption(lastEventId, Resumption.Outcome.RESUMED, frames);
    }
}
