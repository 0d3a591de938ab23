package io.indobase.realtime.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Everything a client's listeners were told, with bounded waits for what a test expects next. */
final class Recorder implements EventListener, ConnectionListener {

    private final List<RealtimeEvent> events = new ArrayList<>();
    private final List<StateChange> changes = new ArrayList<>();
    private final List<Resumption> resumptions = new ArrayList<>();
    private final List<RealtimeException> errors = new ArrayList<>();

    @Override
    public synchronized void onEvent(RealtimeEvent event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void onStateChange(StateChange change) {
        changes.add(change);
        notifyAll();
    }

    @Override
    public synchronized void onResume(Resumption resumption) {
        resumptions.add(resumption);
        notifyAll();
    }

    @Override
    public synchronized void onError(RealtimeException error) {
        errors.add(error);
        notifyAll();
    }

    synchronized List<RealtimeEvent> events() {
        return List.copyOf(events);
    }

    /** The {@code seq} of each event's payload, in arrival order. */
    synchronized List<Integer> sequence() {
        return events.stream().map(e -> e.payload().getInt("seq")).toList();
    }

    synchronized List<StateChange> changes() {
        return List.copyOf(changes);
    }

    synchronized List<ConnectionState> states() {
        return changes.stream().map(StateChange::current).toList();
    }

    synchronized long opens() {
        return changes.stream().filter(c -> c.current() == ConnectionState.OPEN).count();
    }

    synchronized List<Resumption> resumptions() {
        return List.copyOf(resumptions);
    }

    synchronized List<RealtimeException> errors() {
        return new ArrayList<>(errors);
    }

    synchronized int eventCount() {
        return events.size();
    }

    /** Waits until the condition holds; false after the timeout. */
    synchronized boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
