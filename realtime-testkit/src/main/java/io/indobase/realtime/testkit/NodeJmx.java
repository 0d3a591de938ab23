package io.indobase.realtime.testkit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** The JVM of a {@link MicroNode} seen over JMX on loopback, without authentication: for tests only. */
public final class NodeJmx implements AutoCloseable {

    private final JMXConnector connector;
    private final MemoryMXBean memory;

    private NodeJmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    }

    /** The node settings that open JMX on {@code port} of 127.0.0.1. */
    public static Map<String, String> settings(int port) {
        return Map.of("com.sun.management.jmxremote.port", Integer.toString(port),
                "com.sun.management.jmxremote.rmi.port", Integer.toString(port),
                "com.sun.management.jmxremote.host", "127.0.0.1",
                "java.rmi.server.hostname", "127.0.0.1",
                "com.sun.management.jmxremote.authenticate", "false",
                "com.sun.management.jmxremote.ssl", "false");
    }

    /** Connects to the JMX of a node started with {@link #settings(int)}. */
    public static NodeJmx connect(int port) throws IOException {
        return new NodeJmx(JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi")));
    }

    /** Used heap right after a full collection, the smallest of three tries (collections are not exact). */
    public long liveHeap() {
        long smallest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            memory.gc();
            smallest = Math.min(smallest, memory.getHeapMemoryUsage().getUsed());
        }
        return smallest;
    }

    /** Used heap now, garbage included. */
    public long usedHeap() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
