package io.indobase.realtime.subscription;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance for each distinct set of channels that subscriptions name, up to a bound; past it, a subscription
 * keeps its own. Thousands of sockets on the same channels then share one set and its strings: an event's fan-out
 * tests the same few objects for every socket (a separate set per socket was a cache miss per delivery at 10k
 * sockets), and each socket holds less. The sets are immutable, so sharing them is safe.
 */
final class SharedChannelSets {

    /** The table {@link Subscription} uses: a few thousand distinct sets cover the sockets that share channels. */
    static final SharedChannelSets SUBSCRIPTIONS = new SharedChannelSets(4096);

    private final ConcurrentHashMap<Set<String>, Set<String>> sets = new ConcurrentHashMap<>();
    private final int max;

    SharedChannelSets(int max) {
        this.max = max;
    }

    /** @param channels an immutable set */
    Set<String> of(Set<String> channels) {
        Set<String> shared = sets.get(channels);
        if (shared != null) {
            return shared;
        }
        if (sets.size() >= max) {
            return channels;
        }
        shared = sets.putIfAbsent(channels, channels);
        return shared == null ? channels : shared;
    }
}
