package io.indobase.realtime.bench.suite;

import io.indobase.realtime.bench.server.NchanServer;
import io.indobase.realtime.bench.server.ProcStats;
import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.LocalCluster;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.Tokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers of a run, all on loopback and all started once: a standalone Artemis broker (it feeds our node and is
 * itself the STOMP peer), our node on Payara Micro (the packaged WAR and RAR), nginx with nchan when installed, and
 * for SC the test kit's local cluster (two clustered brokers, two nodes, nginx in front). Each server process is
 * pinned to {@code serverCpus} once up.
 */
final class Lab implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    /**
     * Our node's JVM options (docs/benchmark-method.md, "Performance work (issue 16)"): the whole heap from the start,
     * a young generation of a quarter, objects that survive one collection promoted at once (a socket's objects live
     * as long as it does); against the plain {@code -Xmx2g}, one run's S2 at 10k went from 282 to 187 ms and S6's
     * stalled/baseline ratio from 2.3 to 1.1.
     */
    static final List<String> NODE_JVM = List.of("-Xms2g", "-Xmx2g", "-Xmn512m", "-XX:MaxTenuringThreshold=1");

    static Lab start(Path runtime, Path work, String serverCpus, boolean nchan, boolean cluster, List<String> nodeJvm)
            throws Exception {
        Lab lab = new Lab();
        try {
            lab.startAll(runtime, work, serverCpus, nchan, nodeJvm);
            if (cluster) {
                lab.startCluster(runtime, work, serverCpus, nodeJvm);
            }
            return lab;
        } catch (Exception e) {
            lab.close();
            throw e;
        }
    }

    private void startAll(Path runtime, Path work, String serverCpus, boolean withNchan, List<String> nodeJvm)
            throws Exception {
        ArtemisProcess broker = ArtemisProcess.create(runtime.resolve("apache-artemis-2.40.0"), work.resolve("broker"),
                MicroNode.freePort(), "1G");
        started.add(broker);
        broker.start();
        System.out.println("broker up on " + broker.port());

        Map<String, String> settings = new HashMap<>(broker.nodeProperties());
        settings.putAll(nodeSettings());
        MicroNode node = new MicroNode(runtime.resolve("payara-micro.jar"), runtime.resolve("artemis-rar.rar"),
                runtime.resolve("realtime-web.war"), work.resolve("node"), settings).javaOptions(nodeJvm);
        started.add(node);
        node.start();
        if (!node.awaitReady(120, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("our node was not ready within 120 s; see " + work.resolve("node"));
        }
        System.out.println("our node up on " + node.port());

        targets.add(new Target(Target.OURS, node.port(), node.handle(), broker.handle(), broker.port()));
        if (withNchan) {
            NchanServer nchan = new NchanServer(work.resolve("nchan"), MicroNode.freePort());
            started.add(nchan);
            nchan.start();
            System.out.println("nchan up on " + nchan.port());
            targets.add(new Target(Target.NCHAN, nchan.port(), nchan.handle(), null, 0));
        }
        targets.add(new Target(Target.STOMP, broker.port(), broker.handle(), null, broker.port()));
        if (serverCpus != null) {
            for (Target target : targets) {
                if (!ProcStats.pin(target.server(), serverCpus)) {
                    System.out.println("could not pin " + target.name() + " to CPU " + serverCpus);
                }
            }
        }
    }

    /** Our nodes' settings beside their broker: no rate limit on the generators' handshakes, the test token issuer. */
    private static Map<String, String> nodeSettings() {
        // every load generator connects from 127.0.0.1, and one project holds the 19k subscribers
        return Map.of("realtime.limits.connections-per-ip-per-minute", "100000000",
                "realtime.security.sockets-per-address", "1000000",
                "realtime.security.sockets-per-project", "1000000",
                "mp.jwt.verify.publickey.location", Path.of("..", "realtime-testkit", "src", "main", "resources", "io",
                        "indobase", "realtime", "testkit", "jwt-test-public.pem").toAbsolutePath().normalize().toString(),
                "mp.jwt.verify.issuer", Tokens.ISSUER,
                "realtime.identity.team-prefix", "team.",
                "realtime.identity.team-role-separator", ".");
    }

    /**
     * SC's cluster: nginx with four workers (each holds two descriptors per socket, 20,000 per process here), the
     * nodes with our node's JVM options.
     */
    private void startCluster(Path runtime, Path work, String serverCpus, List<String> nodeJvm) throws Exception {
        LocalCluster cluster = LocalCluster.in(work.resolve("cluster"), LocalCluster.Artifacts.in(runtime))
                .nodeProperties(nodeSettings()).nodeJvm(nodeJvm).workers(4);
        started.add(cluster);
        cluster.start();
        System.out.println("cluster up: nginx on " + cluster.balancer().port() + ", nodes on " + cluster.node(0).port()
                + " and " + cluster.node(1).port());
        targets.add(new Target(Target.CLUSTER, cluster.balancer().port(), cluster.node(0).handle(),
                cluster.broker(0).handle(), cluster.broker(0).port(),
                List.of(cluster.node(1).handle(), cluster.balancer().handle()), List.of(cluster.broker(1).handle())));
        if (serverCpus != null) {
            for (ProcessHandle process : List.of(cluster.node(0).handle(), cluster.node(1).handle(),
                    cluster.balancer().handle(), cluster.broker(0).handle(), cluster.broker(1).handle())) {
                if (!ProcStats.pin(process, serverCpus)) {
                    System.out.println("could not pin the cluster's process " + process.pid() + " to CPU " + serverCpus);
                }
            }
        }
    }

    /** The targets, peers around ours so that rounds alternate peer, ours, peer. */
    List<Target> targets() {
        return List.copyOf(targets);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping: " + e);
            }
        }
    }
}
