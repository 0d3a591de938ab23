package io.indobase.realtime.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The node's event and frame counters since it started. Recording is a {@link LongAdder} increment: no lock, no
 * allocation, so the delivery path may count every frame.
 */
@ApplicationScoped
public class RealtimeStats {

    /** Why an event reached nobody or a frame was not sent. */
    public enum Drop {
        /** an envelope that could not be decoded */
        MALFORMED,
        /** an event whose family is published on no channel */
        UNROUTABLE,
        /** an event whose delivery failed on a defect of this node (logged as RT-EVT-003) */
        FAILED,
        /** a subscription whose queries failed on the event's payload (logged as RT-SUB-002): that match only */
        QUERY_FAILED,
        /** a frame the recipient's transport refused */
        RECIPIENT_FAILED,
        /** a frame dropped because its client fell too far behind and was closed */
        SLOW_CONSUMER,
        /** an event whose id was already in the replay window (a redelivery): not delivered twice */
        DUPLICATE
    }

    private final LongAdder eventsReceived = new LongAdder();
    private final LongAdder eventsDelivered = new LongAdder();
    private final LongAdder eventsUnmatched = new LongAdder();
    private final LongAdder framesDelivered = new LongAdder();
    private final Map<Drop, LongAdder> dropped = new LinkedHashMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();
    /** by outcome name: a counter knows no feature's types (the packages stay acyclic) */
    private final Map<String, LongAdder> resumptions = new ConcurrentHashMap<>();

    public RealtimeStats() {
        for (Drop reason : Drop.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    /** A connection asked to resume, with this outcome. */
    public void resumed(String outcome) {
        resumptions.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    public long resumptions(String outcome) {
        LongAdder count = resumptions.get(outcome);
        return count == null ? 0 : count.sum();
    }

    public void eventReceived() {
        eventsReceived.increment();
    }

    public void dropped(Drop reason, long count) {
        dropped.get(reason).add(count);
    }

    /** An event that matched no subscription that may read it. */
    public void eventUnmatched() {
        eventsUnmatched.increment();
    }

    /**
     * An event handed to {@code frames} recipients, {@code latencyMillis} after its producer published it.
     */
    public void eventDelivered(long frames, long latencyMillis) {
        eventsDelivered.increment();
        framesDelivered.add(frames);
        latency.record(latencyMillis, frames);
    }

    public long eventsReceived() {
        return eventsReceived.sum();
    }

    public long eventsDelivered() {
        return eventsDelivered.sum();
    }

    public long eventsUnmatched() {
        return eventsUnmatched.sum();
    }

    public long framesDelivered() {
        return framesDelivered.sum();
    }

    public long dropped(Drop reason) {
        return dropped.get(reason).sum();
    }

    /** Publish-to-handoff latency: from the envelope's timestamp to the frame queued on the socket's outbox. */
    public LatencyHistogram latency() {
        return latency;
    }
}
