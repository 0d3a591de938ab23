package io.indobase.realtime.bench.server;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A server JVM's heap as its own collectors saw it, over JMX: the local management agent is started through the
 * attach API (as jcmd does), so the server needs no JMX port. {@link #afterLastGcKib} reads without collecting;
 * {@link #liveAfterFullGcKib} forces a full collection first.
 */
public final class JvmHeap implements AutoCloseable {

    private final JMXConnector connector;
    private final List<GarbageCollectorMXBean> collectors;
    private final MemoryMXBean memory;
    private final Set<String> heapPools;

    private JvmHeap(JMXConnector connector) throws Exception {
        this.connector = connector;
        MBeanServerConnection server = connector.getMBeanServerConnection();
        this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    }

    public static JvmHeap attach(ProcessHandle jvm) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(jvm.pid()));
        try {
            String address = vm.startLocalManagementAgent();
            return new JvmHeap(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } finally {
            vm.detach();
        }
    }

    /**
     * The heap in use right after the most recent collection, young or full (every heap pool's usage after that
     * collection), in KiB; -1 before the first. With a generational collector this includes what young collections
     * promoted since the last full one.
     */
    public long afterLastGcKib() {
        GcInfo last = null;
        for (GarbageCollectorMXBean collector : collectors) {
            GcInfo info = collector.getLastGcInfo();
            if (info != null && (last == null || info.getEndTime() > last.getEndTime())) {
                last = info;
            }
        }
        return last == null ? -1 : heapUsed(last.getMemoryUsageAfterGc()) / 1024;
    }

    /** The heap in use after a full collection forced now (MemoryMXBean.gc, as System.gc), in KiB. */
    public long liveAfterFullGcKib() {
        memory.gc();
        return afterLastGcKib();
    }

    /** Collections so far, per collector name (e.g. Copy, MarkSweepCompact). */
    public Map<String, Long> collections() {
        return collectors.stream().collect(Collectors.toMap(GarbageCollectorMXBean::getName,
                GarbageCollectorMXBean::getCollectionCount, Long::sum, java.util.TreeMap::new));
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }
}
