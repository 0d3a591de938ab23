package io.indobase.realtime.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between the client and the nodes, as the tests need it: a TCP relay on loopback that hands each new
 * connection to the first node that accepts it (a load balancer with a preference), and that can break the
 * connections it carries in two ways: {@link #cut()} resets them, {@link #stall()} silently stops carrying bytes, as a
 * dead path does.
 */
final class TcpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> backends;
    private final Set<Pair> pairs = ConcurrentHashMap.newKeySet();
    /** The backend port of every connection relayed, in order. */
    private final List<Integer> relayed = new CopyOnWriteArrayList<>();

    private final class Pair {
        final Socket client;
        final Socket node;
        volatile boolean stalled;

        Pair(Socket client, Socket node) {
            this.client = client;
            this.node = node;
        }

        void start() {
            pump(client, node);
            pump(node, client);
        }

        private void pump(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        if (!stalled) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    }
                } catch (IOException e) {
                    // reset or closed
                }
                if (!stalled) {
                    // the other end learns of it, unless the path is dead
                    reset();
                }
            }, "relay-pump");
            thread.setDaemon(true);
            thread.start();
        }

        void reset() {
            pairs.remove(this);
            for (Socket socket : List.of(client, node)) {
                try {
                    socket.setSoLinger(true, 0);
                    socket.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }
    }

    TcpRelay(List<Integer> backends) throws IOException {
        this.backends = List.copyOf(backends);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The backend ports of the connections relayed so far. */
    List<Integer> relayed() {
        return List.copyOf(relayed);
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            Socket node = firstAccepting();
            if (node == null) {
                try {
                    client.close();
                } catch (IOException e) {
                    // nothing to do
                }
                continue;
            }
            Pair pair = new Pair(client, node);
            pairs.add(pair);
            pair.start();
        }
    }

    private Socket firstAccepting() {
        for (int port : backends) {
            Socket node = new Socket();
            try {
                node.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                relayed.add(port);
                return node;
            } catch (IOException e) {
                try {
                    node.close();
                } catch (IOException ignored) {
                    // it never opened
                }
            }
        }
        return null;
    }

    /** Resets every connection carried now (both ends see a TCP reset); new ones are relayed as before. */
    void cut() {
        List.copyOf(pairs).forEach(Pair::reset);
    }

    /** The connections carried now stop carrying bytes, in both directions, and nothing tells either end. */
    void stall() {
        pairs.forEach(pair -> pair.stalled = true);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closed already
        }
        cut();
    }
}
