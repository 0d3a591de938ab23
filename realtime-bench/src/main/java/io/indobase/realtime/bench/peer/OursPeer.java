package io.indobase.realtime.bench.peer;

import io.indobase.realtime.testkit.Tokens;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Our node, as the Appwrite SDK uses it: the project and channel in the URL, {@code connected} means subscribed.
 * With teams, subscriber {@code i} signs in with a JWT of the tests' issuer whose group makes it a member of
 * {@code team:t<i % teams>}; events then reach it only when their permissions name its team (or {@code users}).
 * A channel {@code spread:N} spreads the subscribers over N buckets: subscriber {@code i} takes the files channel
 * of bucket {@link #bucket bucket(i, N)} (the soak).
 */
public final class OursPeer implements Peer {

    public static final String PROJECT = "bench";
    private static final String SPREAD = "spread:";
    private static final Map<Integer, String> TOKENS = new ConcurrentHashMap<>();
    private final String channel;

    OursPeer(String channel) {
        this.channel = channel;
    }

    @Override
    public String target(int index, int team) {
        String name = channel.startsWith(SPREAD)
                ? "buckets." + bucket(index, Integer.parseInt(channel.substring(SPREAD.length()))) + ".files" : channel;
        return "/v1/realtime?project=" + PROJECT + "&channels%5B%5D=" + name;
    }

    /** The bucket of number {@code n} when spread over {@code buckets}: {@code s<n % buckets>}. */
    public static String bucket(long n, int buckets) {
        return "s" + n % buckets;
    }

    /** The channel that spreads subscribers over {@code buckets} buckets. */
    public static String spread(int buckets) {
        return SPREAD + buckets;
    }

    @Override
    public String headers(int index, int team) {
        if (team < 0) {
            return "";
        }
        String token = TOKENS.computeIfAbsent(team, t -> Tokens.forTests()
                .token("bench-t" + t, List.of("team.t" + t), null, 6 * 3600));
        return "Authorization: Bearer " + token + "\r\n";
    }

    @Override
    public Step opened() {
        return Step.WAIT;
    }

    @Override
    public Step setup(String message) {
        if (message.contains("\"type\":\"connected\"")) {
            return Step.READY;
        }
        return message.contains("\"type\":\"error\"") ? Step.fail(message) : Step.WAIT;
    }
}
