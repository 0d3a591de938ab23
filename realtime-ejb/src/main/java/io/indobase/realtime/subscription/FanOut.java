package io.indobase.realtime.subscription;

/**
 * Told when the registry starts and ends handing one event's frames to its recipients, on the delivering thread:
 * a transport that writes on threads of its own can wake them once an event's recipients are all known, instead of
 * once a recipient (on one CPU, waking a writer for each frame switched threads twice a frame).
 */
public interface FanOut {

    FanOut NONE = new FanOut() {
    };

    default void begin() {
    }

    default void end() {
    }
}
