package io.indobase.realtime.bench.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * S0, the floor: CPU per small WebSocket-sized write ({@code SocketChannel.write} of a 32-byte frame, TCP_NODELAY)
 * round-robin over loopback sockets whose other ends a second thread drains. No server does a delivery for less.
 */
public final class WriteFloor {

    private WriteFloor() {
    }

    /** @return CPU µs of the writing thread per write */
    public static double measure(int sockets, int writes) throws Exception {
        List<SocketChannel> senders = new ArrayList<>();
        List<SocketChannel> receivers = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0), sockets);
            for (int i = 0; i < sockets; i++) {
                SocketChannel client = SocketChannel.open(server.getLocalAddress());
                SocketChannel accepted = server.accept();
                accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
                senders.add(accepted);
                client.configureBlocking(false);
                receivers.add(client);
            }
            Thread drain = new Thread(() -> drain(receivers), "drain");
            drain.setDaemon(true);
            drain.start();
            ByteBuffer frame = ByteBuffer.allocateDirect(32);
            frame.put((byte) 0x81).put((byte) 30);
            while (frame.hasRemaining()) {
                frame.put((byte) 'x');
            }
            round(senders, frame, writes / 2); // warm-up
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            round(senders, frame, writes);
            double perWrite = (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / writes;
            drain.interrupt();
            return perWrite;
        } finally {
            for (SocketChannel channel : senders) {
                channel.close();
            }
            for (SocketChannel channel : receivers) {
                channel.close();
            }
        }
    }

    private static void round(List<SocketChannel> senders, ByteBuffer frame, int writes) throws IOException {
        for (int i = 0; i < writes; i++) {
            frame.clear();
            senders.get(i % senders.size()).write(frame);
        }
    }

    private static void drain(List<SocketChannel> receivers) {
        ByteBuffer sink = ByteBuffer.allocateDirect(65536);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (SocketChannel channel : receivers) {
                    sink.clear();
                    while (channel.read(sink) > 0) {
                        sink.clear();
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }
}
