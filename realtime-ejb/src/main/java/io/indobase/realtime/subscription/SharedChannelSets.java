package io.indobase.realtime.subscription;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance for each distinct set of channels that subscriptions name, up to a bound; past it, a subscription
 * keeps its own. Thousands of sockets on the same channels then share one set and its strings: an event's fan-out
 * tests the same few objects for every socket (a separate set per socket was a cache miss per delivery at 10k
 * sockets), and each socket holds less. The sets are immutable, so sharing them is safe. Only small sets are kept
 * (at most {@value #MAX_CHANNELS} channels of {@value #MAX_CHARS} characters in all), so a client cannot make the
 * table hold much: 4,096 of them are a few MB at most; a table filled with odd sets only stops the sharing.
 */
final class SharedChannelSets {

    /** The table {@link Subscription} uses: a few thousand distinct sets cover the sockets that share channels. */
    static final SharedChannelSets SUBSCRIPTIONS = new SharedChannelSets(4096);

    static final int MAX_CHANNELS = 8;
    static final int MAX_CHARS = 512;

    private final ConcurrentHashMap<Set<String>, Set<String>> sets = new ConcurrentHashMap<>();
    private final int max;

    SharedChannelSets(int max) {
        this.max = max;
    }

    /** @param channels an immutable set */
    Set<String> of(Set<String> channels) {
        if (!small(channels)) {
            return channels;
        }
        Set<String> shared = sets.get(channels);
        if (shared != null) {
            return shared;
        }
        if (sets.size() >= max) {
            return channels; // the table is full: this set stays the subscription's own
        }
        shared = sets.putIfAbsent(channels, channels);
        return shared == null ? channels : shared;
    }

    private static boolean small(Set<String> channels) {
        if (channels.size() > MAX_CHANNELS) {
            return false;
        }
        int chars = 0;
        for (String channel : channels) {
            chars += channel.length();
        }
        return chars <= MAX_CHARS;
    }
}
