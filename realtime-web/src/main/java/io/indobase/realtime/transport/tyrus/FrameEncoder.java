package io.indobase.realtime.transport.tyrus;

import io.indobase.realtime.frame.EventFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns what the outbox holds into WebSocket frames as a server sends them: a text (a whole frame, as a string), an
 * event frame's {@link FrameParts}, or the {@link TextSender#PING} marker. Each string and each event head is encoded
 * once: the last few of each, and their bytes, are kept by identity (a fan-out hands every recipient the same head,
 * and the same string to recipients with the same subscriptions). One per writer thread; not thread-safe. Kept bytes
 * are shared and never written to after they are made: Tyrus and Grizzly only read (copy) them.
 */
public final class FrameEncoder {

    private static final int SLOTS = 16;

    private final Object[] keys = new Object[SLOTS];
    private final byte[][] values = new byte[SLOTS][];
    private int next;

    /** The frames of {@code items}, one after the other, in one buffer ready for one write. */
    public ByteBuffer encode(List<?> items) {
        if (items.size() == 1 && items.get(0) instanceof String text) {
            return ByteBuffer.wrap(frame(text));
        }
        int length = 0;
        for (Object item : items) {
            length += item instanceof FrameParts parts ? partsLength(parts) : frame((String) item).length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (Object item : items) {
            if (item instanceof FrameParts parts) {
                byte[] head = cached(parts.head());
                byte[] tail = parts.tail().getBytes(StandardCharsets.UTF_8);
                header(all, head.length + tail.length);
                all.put(head).put(tail);
            } else {
                all.put(frame((String) item));
            }
        }
        return all.flip();
    }

    private int partsLength(FrameParts parts) {
        int payload = cached(parts.head()).length + utf8Length(parts.tail());
        return headerLength(payload) + payload;
    }

    /** The tail's UTF-8 length: its characters, when all are ASCII (ids are). */
    private static int utf8Length(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return text.length();
    }

    /** The head's UTF-8 bytes, encoded once per event. */
    private byte[] cached(EventFrame head) {
        byte[] bytes = lookUp(head);
        return bytes != null ? bytes : keep(head, head.head().getBytes(StandardCharsets.UTF_8));
    }

    /** A ping with {@link TextSender#PING_PAYLOAD}, as a server sends it. */
    private static final byte[] PING = {(byte) 0x89, (byte) TextSender.PING_PAYLOAD.length,
        TextSender.PING_PAYLOAD[0], TextSender.PING_PAYLOAD[1]};

    /** The frame of {@code text}, from the cache when this very string was encoded lately. */
    byte[] frame(String text) {
        if (text == TextSender.PING) {
            return PING;
        }
        byte[] frame = lookUp(text);
        return frame != null ? frame : keep(text, textFrame(text));
    }

    private byte[] lookUp(Object key) {
        for (int i = 0; i < SLOTS; i++) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return null;
    }

    private byte[] keep(Object key, byte[] value) {
        keys[next] = key;
        values[next] = value;
        next = (next + 1) % SLOTS;
        return value;
    }

    /** One final, unmasked text frame (RFC 6455 5.2), as a server sends it. */
    static byte[] textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(headerLength(payload.length) + payload.length);
        header(frame, payload.length);
        return frame.put(payload).array();
    }

    private static int headerLength(int payload) {
        return payload < 126 ? 2 : payload < 65536 ? 4 : 10;
    }

    /** FIN, opcode text, no mask, and the payload's length in the shortest form. */
    private static void header(ByteBuffer frame, int length) {
        frame.put((byte) 0x81);
        if (length < 126) {
            frame.put((byte) length);
        } else if (length < 65536) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
    }
}
