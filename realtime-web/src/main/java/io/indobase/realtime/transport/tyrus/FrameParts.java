package io.indobase.realtime.transport.tyrus;

import io.indobase.realtime.frame.EventFrame;

/**
 * An event frame as the registry hands it to one recipient: the event's head, shared by every recipient, and the
 * recipient's own tail. {@link FrameEncoder} encodes the head once per event and copies its bytes into each write.
 */
public record FrameParts(EventFrame head, String tail) {

    /** The frame's characters, for the outbox's limits. */
    public int length() {
        return head.length() + tail.length();
    }

    /** The characters of an outbox item: a text frame's, {@link FrameParts}', 0 for anything else (a ping, a close). */
    public static long charsOf(Object item) {
        return item == TextSender.PING ? 0 : item instanceof String text ? text.length()
                : item instanceof FrameParts parts ? parts.length() : 0;
    }

    /** The whole frame as text, where it must be a string (the standard WebSocket API). */
    public String text() {
        return head.withTail(tail);
    }
}
