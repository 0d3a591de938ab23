package io.indobase.realtime.client;

/**
 * What happens to the connection, on the client's listener thread, in order with the events: a state change is
 * seen after every event received before it and before every event received after it.
 */
public interface ConnectionListener {

    default void onStateChange(StateChange change) {
    }

    /** After a reconnect that asked to resume; {@code resumed == false} means events may have been missed. */
    default void onResume(Resumption resumption) {
    }

    /** An {@code error} frame that did not end the connection (an invalid query, a limit), or a listener failure. */
    default void onError(RealtimeException error) {
    }
}
