package io.indobase.realtime.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The scale-out topology of docs/scaling.md on loopback: two standalone Artemis brokers in one cluster
 * ({@code config/cluster/artemis-cluster.xml}), two nodes each fed by its own broker, nginx in front
 * ({@code config/cluster/nginx.conf}). ClusterIT, the benchmark's cluster target and {@code bin/realtime cluster}
 * ({@link ClusterCommand}) all start this one. Paths are relative to a module folder, as for {@link MicroNode}.
 */
public final class LocalCluster implements AutoCloseable {

    /** The cluster's configuration files. */
    public static final Path CONFIG = Path.of("..", "config", "cluster").toAbsolutePath().normalize();

    /** What the processes run: the Artemis distribution, Payara Micro, the resource adapter and the WAR. */
    public record Artifacts(Path artemisHome, Path microJar, Path rar, Path war) {

        /** The web module's IT layout ({@code target/it/}, {@code target/realtime-web.war}). */
        public static Artifacts ofWebBuild() {
            Path it = Path.of("target", "it");
            return new Artifacts(it.resolve("apache-artemis-2.40.0"), it.resolve("payara-micro.jar"),
                    it.resolve("artemis-rar.rar"), Path.of("target", "realtime-web.war"));
        }

        /** A folder holding all four, as the benchmark module's {@code target/runtime}. */
        public static Artifacts in(Path runtime) {
            return new Artifacts(runtime.resolve("apache-artemis-2.40.0"), runtime.resolve("payara-micro.jar"),
                    runtime.resolve("artemis-rar.rar"), runtime.resolve("realtime-web.war"));
        }
    }

    /** Ports; 0 takes a free one. */
    public record Ports(int balancer, List<Integer> nodes, List<Integer> brokers, List<Integer> stomp) {

        public static Ports free() {
            return new Ports(0, List.of(0, 0), List.of(0, 0), List.of(0, 0));
        }
    }

    private final Path work;
    private final Artifacts artifacts;
    private final List<ArtemisProcess> brokers = new ArrayList<>();
    private final List<MicroNode> nodes = new ArrayList<>();
    private Balancer balancer;
    private Ports ports = Ports.free();
    private Map<String, String> nodeProperties = Map.of();
    private List<String> nodeJvm = List.of("-Xmx384m");
    private int workers = 1;

    private LocalCluster(Path work, Artifacts artifacts) {
        this.work = work.toAbsolutePath();
        this.artifacts = artifacts;
    }

    public static LocalCluster in(Path work, Artifacts artifacts) {
        return new LocalCluster(work, artifacts);
    }

    public LocalCluster ports(Ports fixed) {
        this.ports = fixed;
        return this;
    }

    /** Settings of both nodes, beside the broker each is given. */
    public LocalCluster nodeProperties(Map<String, String> properties) {
        this.nodeProperties = Map.copyOf(properties);
        return this;
    }

    public LocalCluster nodeJvm(List<String> options) {
        this.nodeJvm = List.copyOf(options);
        return this;
    }

    /** nginx worker processes (1 unless thousands of sockets go through it). */
    public LocalCluster workers(int count) {
        this.workers = count;
        return this;
    }

    /** Starts the brokers until their cluster is formed, the nodes until both are ready, then nginx. */
    public LocalCluster start() throws Exception {
        try {
            startBrokers();
            startNodes();
            balancer = Balancer.start(CONFIG.resolve("nginx.conf"), work.resolve("nginx"), port(ports.balancer()),
                    nodes.stream().map(MicroNode::port).toList(), workers);
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void startBrokers() throws Exception {
        List<Integer> brokerPorts = List.of(port(ports.brokers().get(0)), port(ports.brokers().get(1)));
        for (int i = 0; i < 2; i++) {
            String name = "broker-" + (char) ('a' + i);
            ArtemisProcess broker = ArtemisProcess.create(artifacts.artemisHome(), work.resolve(name), brokerPorts.get(i));
            brokers.add(broker.configure(CONFIG.resolve("artemis-cluster.xml"), Map.of("realtime.broker.name", name,
                    "realtime.broker.stomp-port", Integer.toString(port(ports.stomp().get(i))),
                    "realtime.broker.peer", "tcp://127.0.0.1:" + brokerPorts.get(1 - i))));
        }
        for (ArtemisProcess broker : brokers) {
            broker.launch();
        }
        for (ArtemisProcess broker : brokers) {
            broker.awaitLog("AMQ221007", 60).awaitLog("AMQ221027", 60); // active, then its bridge to the other
        }
    }

    private void startNodes() throws Exception {
        for (int i = 0; i < 2; i++) {
            Map<String, String> settings = new HashMap<>(nodeProperties);
            settings.putAll(brokers.get(i).nodeProperties());
            MicroNode node = new MicroNode(artifacts.microJar(), artifacts.rar(), artifacts.war(),
                    work.resolve("node-" + (i + 1)), settings).javaOptions(nodeJvm);
            if (ports.nodes().get(i) != 0) {
                node.atPort(ports.nodes().get(i));
            }
            nodes.add(node);
        }
        // both boot at once: on two cores that is faster than one after the other
        CompletableFuture<MicroNode> second = CompletableFuture.supplyAsync(() -> {
            try {
                return nodes.get(1).start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        nodes.get(0).start();
        second.get(180, TimeUnit.SECONDS);
        for (MicroNode node : nodes) {
            if (!node.awaitReady(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("node on " + node.port() + " not ready within 120 s; see its log under " + work);
            }
        }
    }

    private static int port(int fixed) throws java.io.IOException {
        return fixed != 0 ? fixed : MicroNode.freePort();
    }

    /** Broker 0 (a) or 1 (b). */
    public ArtemisProcess broker(int index) {
        return brokers.get(index);
    }

    /** Node 0 (fed by broker a) or 1 (fed by broker b). */
    public MicroNode node(int index) {
        return nodes.get(index);
    }

    public List<MicroNode> nodes() {
        return List.copyOf(nodes);
    }

    public Balancer balancer() {
        return balancer;
    }


    /** Stops nginx, then the nodes (SIGTERM, in parallel, killed after 30 s), then the brokers. */
    @Override
    public void close() {
        if (balancer != null) {
            balancer.close();
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (MicroNode node : nodes) {
            stopping.add(CompletableFuture.runAsync(() -> {
                try {
                    if (node.running()) {
                        node.stop(30, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    node.kill();
                }
            }));
        }
        stopping.forEach(CompletableFuture::join);
        brokers.forEach(ArtemisProcess::close);
    }
}
