package io.indobase.realtime.identity;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One project's memory of what events took away: a mark per key, each remembered for the TTL, at most
 * {@code capacity} of them (the oldest go first, and are counted). Reads take no lock; writes are serialised.
 */
final class Marks {

    /**
     * @param at     when the event recorded it (epoch ms)
     * @param until  when it lapses (epoch ms)
     * @param lost   for a team of a user: lost (true) or given back by a later membership (false)
     * @param labels for a user's labels: the labels the user has since {@code at}; else null
     */
    record Mark(long at, long until, boolean lost, Set<String> labels, long sequence) {
    }

    private record Queued(String key, long sequence) {
    }

    private final Map<String, Mark> marks = new ConcurrentHashMap<>();
    private final ArrayDeque<Queued> order = new ArrayDeque<>();
    private final int capacity;
    private final LongAdder evicted;
    private long sequence;

    Marks(int capacity, LongAdder evicted) {
        this.capacity = capacity;
        this.evicted = evicted;
    }

    /** @return the key's mark while it has not lapsed, or null */
    Mark get(String key, long now) {
        Mark mark = marks.get(key);
        return mark == null || mark.until() <= now ? null : mark;
    }

    synchronized void put(String key, long now, long ttl, boolean lost, Set<String> labels) {
        Mark mark = new Mark(now, now + ttl, lost, labels == null ? null : Set.copyOf(labels), ++sequence);
        marks.put(key, mark);
        order.addLast(new Queued(key, mark.sequence()));
        trim(now);
    }

    synchronized void remove(String key) {
        marks.remove(key);
    }

    int size() {
        return marks.size();
    }

    /** Forgets what lapsed, then the oldest beyond the capacity; a key written again is queued again. */
    private void trim(long now) {
        while (!order.isEmpty()) {
            Queued oldest = order.peekFirst();
            Mark mark = marks.get(oldest.key());
            boolean stale = mark == null || mark.sequence() != oldest.sequence();
            boolean lapsed = !stale && mark.until() <= now;
            boolean over = !stale && !lapsed && marks.size() > capacity;
            if (!stale && !lapsed && !over) {
                return;
            }
            order.removeFirst();
            if (lapsed || over) {
                marks.remove(oldest.key());
            }
            if (over) {
                evicted.increment();
            }
        }
    }
}
