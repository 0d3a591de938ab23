package io.indobase.realtime.client;

/** Receives a subscription's events, one at a time, in the order the server sent them, on the client's listener thread. */
@FunctionalInterface
public interface EventListener {

    void onEvent(RealtimeEvent event);
}
