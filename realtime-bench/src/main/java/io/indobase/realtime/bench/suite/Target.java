package io.indobase.realtime.bench.suite;

import io.indobase.realtime.bench.publish.JmsPublisher;
import io.indobase.realtime.bench.publish.NchanPublisher;
import io.indobase.realtime.bench.publish.Publisher;
import java.io.IOException;

/**
 * One server under test as the suite sees it: where subscribers connect, how events get in, and which processes'
 * CPU and memory are its own. For our node the broker that feeds it is reported beside it, not inside it. The
 * cluster is two nodes and nginx ({@code server} is the first node, {@code moreServers} the rest) fed by two brokers.
 */
record Target(String name, int port, ProcessHandle server, ProcessHandle broker, int brokerPort,
              java.util.List<ProcessHandle> moreServers, java.util.List<ProcessHandle> moreBrokers) {

    static final String OURS = "ours";
    static final String NCHAN = "nchan";
    static final String STOMP = "stomp";
    static final String CLUSTER = "cluster";

    /** A target of one server process (and at most one broker). */
    Target(String name, int port, ProcessHandle server, ProcessHandle broker, int brokerPort) {
        this(name, port, server, broker, brokerPort, java.util.List.of(), java.util.List.of());
    }

    boolean ours() {
        return OURS.equals(name);
    }

    Publisher publisher(String channel, int padBytes) throws IOException {
        if (NCHAN.equals(name)) {
            return new NchanPublisher(port, channel, padBytes);
        }
        return new JmsPublisher(brokerPort, io.indobase.realtime.testkit.ArtemisProcess.USER, padBytes);
    }

    /** The channel our node's subscribers take; the peers take a fresh name per population. */
    String channel(String fresh) {
        return ours() || CLUSTER.equals(name) ? "files" : fresh;
    }

    double cpuSeconds() {
        double seconds = io.indobase.realtime.bench.server.ProcStats.cpuSeconds(server);
        for (ProcessHandle more : moreServers) {
            seconds += io.indobase.realtime.bench.server.ProcStats.cpuSeconds(more);
        }
        return seconds;
    }

    double brokerCpuSeconds() {
        double seconds = broker == null ? 0 : io.indobase.realtime.bench.server.ProcStats.cpuSeconds(broker);
        for (ProcessHandle more : moreBrokers) {
            seconds += io.indobase.realtime.bench.server.ProcStats.cpuSeconds(more);
        }
        return seconds;
    }
}
