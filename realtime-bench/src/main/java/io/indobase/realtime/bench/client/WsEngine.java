package io.indobase.realtime.bench.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A single-threaded, non-blocking WebSocket client for many connections: one selector, heap buffers that grow only
 * for large frames, no thread or task per connection. Everything but {@link #execute} runs on the engine's thread.
 */
public final class WsEngine implements Runnable, AutoCloseable {

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private final Thread thread;

    public WsEngine(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this, name);
        thread.start();
    }

    /** Runs {@code task} on the engine's thread. */
    public void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /**
     * Starts a connection from {@code local} (port chosen by the kernel) to {@code remote}.
     *
     * @param receiveBuffer SO_RCVBUF, or 0 for the system default (a small one makes a consumer stall sooner)
     */
    public WsConnection connect(InetSocketAddress local, InetSocketAddress remote, byte[] upgrade, int receiveBuffer,
                                WsHandler handler, Object attachment) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (receiveBuffer > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            }
            channel.bind(local);
            WsConnection connection = new WsConnection(channel, upgrade, handler, attachment);
            boolean connected = channel.connect(remote);
            connection.key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, connection);
            if (connected) {
                connected(connection);
            }
            return connection;
        } catch (IOException e) {
            WsConnection failed = new WsConnection(channel, upgrade, handler, attachment);
            fail(failed, "connect: " + e.getMessage());
            return failed;
        }
    }

    /** Queues a whole frame; it goes out in order after what is already queued. */
    public void send(WsConnection connection, byte[] frame) {
        if (connection.state == WsConnection.State.CLOSED) {
            return;
        }
        if (connection.out != null) {
            ByteBuffer more = ByteBuffer.allocate(connection.out.remaining() + frame.length);
            more.put(connection.out).put(frame).flip();
            connection.out = more;
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        try {
            connection.channel.write(buffer);
        } catch (IOException e) {
            fail(connection, "write: " + e.getMessage());
            return;
        }
        if (buffer.hasRemaining()) {
            connection.out = buffer;
            connection.key.interestOps(connection.key.interestOps() | SelectionKey.OP_WRITE);
        }
    }

    /** Stops reading: the server's frames pile up in the socket buffers, as with a client that hangs. */
    public void stall(WsConnection connection) {
        if (connection.key != null && connection.key.isValid()) {
            connection.key.interestOps(connection.key.interestOps() & ~SelectionKey.OP_READ);
        }
    }

    /** A close frame (1000), then the socket is closed without waiting for the server's answer. */
    public void close(WsConnection connection) {
        if (connection.state == WsConnection.State.OPEN && connection.out == null) {
            try {
                connection.channel.write(ByteBuffer.wrap(WsFrames.close(1000)));
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        fail(connection, "closed by the client");
    }

    @Override
    public void run() {
        while (running) {
            try {
                selector.select(100);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                System.err.println("engine: " + e);
            }
        }
    }

    private void handle(SelectionKey key) {
        WsConnection connection = (WsConnection) key.attachment();
        if (!key.isValid()) {
            return;
        }
        try {
            if (key.isConnectable() && connection.channel.finishConnect()) {
                connected(connection);
            }
            if (key.isValid() && key.isWritable()) {
                flush(connection);
            }
            if (key.isValid() && key.isReadable()) {
                read(connection);
            }
        } catch (IOException e) {
            fail(connection, e.getMessage());
        }
    }

    private void connected(WsConnection connection) {
        connection.state = WsConnection.State.UPGRADING;
        connection.key.interestOps(SelectionKey.OP_READ);
        send(connection, connection.upgrade);
    }

    private void flush(WsConnection connection) throws IOException {
        connection.channel.write(connection.out);
        if (!connection.out.hasRemaining()) {
            connection.out = null;
            connection.key.interestOps(connection.key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    private void read(WsConnection connection) throws IOException {
        if (!connection.in.hasRemaining()) {
            connection.grow(connection.in.capacity());
        }
        int n = connection.channel.read(connection.in);
        if (n < 0) {
            fail(connection, "end of stream");
            return;
        }
        ByteBuffer in = connection.in;
        in.flip();
        if (connection.state == WsConnection.State.UPGRADING && !WsReader.upgraded(this, connection)) {
            in.compact();
            return;
        }
        WsReader.frames(this, connection);
        in.compact();
    }

    /** Marks the connection closed, releases the socket and tells the handler once. */
    void fail(WsConnection connection, String why) {
        if (connection.state == WsConnection.State.CLOSED) {
            return;
        }
        connection.state = WsConnection.State.CLOSED;
        try {
            if (connection.channel != null) {
                connection.channel.close();
            }
        } catch (IOException ignored) {
            // already gone
        }
        connection.handler.closed(connection, why);
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // exiting
        }
    }
}
