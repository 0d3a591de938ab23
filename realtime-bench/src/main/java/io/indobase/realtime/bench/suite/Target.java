package io.indobase.realtime.bench.suite;

import io.indobase.realtime.bench.publish.JmsPublisher;
import io.indobase.realtime.bench.publish.NchanPublisher;
import io.indobase.realtime.bench.publish.Publisher;
import java.io.IOException;

/**
 * One server under test as the suite sees it: where subscribers connect, how events get in, and which process's CPU
 * and memory are its own. For our node the broker that feeds it is reported beside it, not inside it.
 */
record Target(String name, int port, ProcessHandle server, ProcessHandle broker, int brokerPort) {

    static final String OURS = "ours";
    static final String NCHAN = "nchan";
    static final String STOMP = "stomp";

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
        return ours() ? "files" : fresh;
    }

    double cpuSeconds() {
        return io.indobase.realtime.bench.server.ProcStats.cpuSeconds(server);
    }

    double brokerCpuSeconds() {
        return broker == null ? 0 : io.indobase.realtime.bench.server.ProcStats.cpuSeconds(broker);
    }
}
