package io.indobase.realtime.transport;

/** Who writes an outbox's frames once they are queued: one of the {@link Writers}. */
@FunctionalInterface
interface OutboxWriter {

    /**
     * Asks for {@link SessionOutbox#writeReady} on the writer's thread, soon.
     *
     * @return false when the writer no longer takes work (the application stops): the caller writes instead
     */
    boolean submit(SessionOutbox outbox);
}
