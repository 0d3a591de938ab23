package io.indobase.realtime.testkit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code bin/realtime cluster} runs: the {@link LocalCluster} on fixed ports until it is stopped (SIGTERM or
 * Ctrl-C), which stops every process it started. It prints {@code cluster up} once nginx listens in front of two ready
 * nodes; the script then proves the event path across the brokers and prints the addresses.
 * <pre>
 * ClusterCommand --work DIR --runtime DIR --balancer PORT --nodes P1,P2 --brokers P1,P2 --stomp P1,P2
 *                [--property key=value]...   (settings of both nodes)
 * </pre>
 */
public final class ClusterCommand {

    private ClusterCommand() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < a.size() - 1; i++) {
            if (a.get(i).equals("--property")) {
                String pair = a.get(i + 1);
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--property wants key=value, got " + pair);
                }
                properties.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        LocalCluster.Ports ports = new LocalCluster.Ports(Integer.parseInt(option(a, "--balancer")),
                pair(option(a, "--nodes")), pair(option(a, "--brokers")), pair(option(a, "--stomp")));
        LocalCluster cluster = LocalCluster.in(Path.of(option(a, "--work")),
                LocalCluster.Artifacts.in(Path.of(option(a, "--runtime")))).ports(ports)
                .nodeProperties(properties).nodeJvm(List.of("-Xmx512m"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the cluster");
            cluster.close();
            stopped.countDown();
        }));
        cluster.start();
        System.out.println("cluster up");
        stopped.await();
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return args.get(i + 1);
    }

    private static List<Integer> pair(String list) {
        List<Integer> ports = Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
        if (ports.size() != 2) {
            throw new IllegalArgumentException("two ports expected, got " + list);
        }
        return ports;
    }
}
