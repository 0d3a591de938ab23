package io.indobase.realtime.transport.tyrus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns text into WebSocket frames as a server sends them, once per text: a fan-out hands the same string to every
 * recipient of a group, so the last few texts and their frames are kept, by identity. One per writer thread; not
 * thread-safe. The frame bytes are shared by every recipient and never written to after they are made: Tyrus and
 * Grizzly only read (copy) them.
 */
public final class FrameEncoder {

    private static final int SLOTS = 16;

    private final String[] texts = new String[SLOTS];
    private final byte[][] frames = new byte[SLOTS][];
    private int next;

    /** The frames of {@code texts}, one after the other, in one buffer ready for one write. */
    public ByteBuffer encode(List<String> texts) {
        if (texts.size() == 1) {
            return ByteBuffer.wrap(frame(texts.get(0)));
        }
        byte[][] parts = new byte[texts.size()][];
        int length = 0;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = frame(texts.get(i));
            length += parts[i].length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.flip();
    }

    /** The frame of {@code text}, from the cache when this very string was encoded lately. */
    byte[] frame(String text) {
        for (int i = 0; i < SLOTS; i++) {
            if (texts[i] == text) {
                return frames[i];
            }
        }
        byte[] frame = textFrame(text);
        texts[next] = text;
        frames[next] = frame;
        next = (next + 1) % SLOTS;
        return frame;
    }

    /** One final, unmasked text frame (RFC 6455 5.2), as a server sends it. */
    static byte[] textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int length = payload.length;
        int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + length);
        frame.put((byte) 0x81);
        if (length < 126) {
            frame.put((byte) length);
        } else if (length < 65536) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        return frame.put(payload).array();
    }
}
