package io.indobase.realtime.bench.peer;

import java.util.List;

/** What a subscriber does next while it is setting up: send messages, wait, or it is ready (or refused). */
public record Step(boolean ready, String failure, List<String> send) {

    public static final Step READY = new Step(true, null, List.of());
    public static final Step WAIT = new Step(false, null, List.of());

    public static Step send(String... messages) {
        return new Step(false, null, List.of(messages));
    }

    public static Step fail(String why) {
        return new Step(false, why, List.of());
    }
}
