package io.indobase.realtime.bench.client;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** One client WebSocket of the load generator; touched only by its {@link WsEngine}'s thread. */
public final class WsConnection {

    enum State { CONNECTING, UPGRADING, OPEN, CLOSED }

    final SocketChannel channel;
    final WsHandler handler;
    final byte[] upgrade;
    SelectionKey key;
    State state = State.CONNECTING;
    ByteBuffer in = ByteBuffer.allocate(2048);
    ByteBuffer out;
    byte[] fragments;
    int fragmentLength;
    private final Object attachment;

    WsConnection(SocketChannel channel, byte[] upgrade, WsHandler handler, Object attachment) {
        this.channel = channel;
        this.upgrade = upgrade;
        this.handler = handler;
        this.attachment = attachment;
    }

    /** What the handler keeps for this connection. */
    @SuppressWarnings("unchecked")
    public <T> T attachment() {
        return (T) attachment;
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** Makes room for {@code more} bytes beyond what the read buffer holds (a frame larger than the buffer). */
    void grow(int more) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(in.capacity() * 2, in.position() + more));
        in.flip();
        bigger.put(in);
        in = bigger;
    }

    void appendFragment(byte[] data, int offset, int length) {
        if (fragments == null || fragmentLength + length > fragments.length) {
            byte[] bigger = new byte[Math.max(4096, (fragmentLength + length) * 2)];
            if (fragments != null) {
                System.arraycopy(fragments, 0, bigger, 0, fragmentLength);
            }
            fragments = bigger;
        }
        System.arraycopy(data, offset, fragments, fragmentLength, length);
        fragmentLength += length;
    }
}
