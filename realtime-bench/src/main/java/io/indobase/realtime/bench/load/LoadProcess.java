package io.indobase.realtime.bench.load;

import io.indobase.realtime.bench.client.WsEngine;
import io.indobase.realtime.bench.peer.Peer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One load-generator process (at most ~10k connections: 20,000 files per process here), driven by the suite over
 * stdin; every answer is one line starting with {@code @}. Commands:
 * <pre>
 * OPEN peer port count firstIndex teams stallPercent channel   → @READY ok= failed= p50= p99= max= (set-up µs)
 * RESET seqBase messages                                       → @OK
 * REPORT                                 → @REPORT …counts and latency µs… / @LAST offset:nanos,… / @HISTOGRAM base64
 * COUNT                                                        → @COUNT delivered
 * CHURN peer port perSecond seconds channel firstIndex         → @CHURN ok= failed= p50= p99= max=
 * ROTATE peer port perSecond seconds channel firstIndex  → @ROTATED closed= reopened= failed= cutoff= held= p50= p99= max=
 * CLOSE                                                        → @CLOSED
 * </pre>
 * Source addresses are {@code 127.<block>.x.y}, {@code block} being the first argument.
 */
public final class LoadProcess {

    private final WsEngine engine = new WsEngine("load");
    private final Addresses addresses;
    private final Tally tally = new Tally();
    private final List<Population> populations = new ArrayList<>();
    private final List<Subscribers> handlers = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private Rotation rotation;

    private LoadProcess(int block) throws Exception {
        this.addresses = new Addresses(block);
        timer.scheduleAtFixedRate(() -> engine.execute(this::keepalive), 10, 10, TimeUnit.SECONDS);
    }

    public static void main(String[] args) throws Exception {
        LoadProcess process = new LoadProcess(Integer.parseInt(args[0]));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.equals("QUIT"); ) {
            try {
                process.command(line.trim().split(" "));
            } catch (Exception e) {
                System.out.println("@ERROR " + e);
            }
            System.out.flush();
        }
        process.timer.shutdownNow();
        process.engine.execute(process::closeAll);
        Thread.sleep(300);
        process.engine.close();
        System.exit(0);
    }

    private void command(String[] c) throws Exception {
        switch (c[0]) {
            case "OPEN" -> System.out.println("@READY " + open(c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]),
                    Integer.parseInt(c[4]), Integer.parseInt(c[5]), Integer.parseInt(c[6]), c[7], false).get(180, TimeUnit.SECONDS));
            case "RESET" -> {
                onEngine(() -> {
                    tally.reset(Long.parseLong(c[1]), Integer.parseInt(c[2]));
                    return null;
                });
                System.out.println("@OK");
            }
            case "REPORT" -> {
                String[] lines = onEngine(() -> new String[] {tally.summary(), tally.lastReceived(), tally.encodedLatency()});
                System.out.println("@REPORT " + lines[0]);
                System.out.println("@LAST " + lines[1]);
                System.out.println("@HISTOGRAM " + lines[2]);
            }
            case "COUNT" -> System.out.println("@COUNT " + onEngine(() -> tally.delivered));
            case "CHURN" -> System.out.println("@CHURN " + churn(c));
            case "ROTATE" -> System.out.println("@ROTATED " + rotate(c));
            case "CLOSE" -> {
                onEngine(() -> {
                    closeAll();
                    return null;
                });
                System.out.println("@CLOSED");
            }
            default -> System.out.println("@ERROR unknown command " + c[0]);
        }
    }

    private CompletableFuture<String> open(String peerName, int port, int count, int firstIndex, int teams,
                                           int stallPercent, String channel, boolean churn) throws Exception {
        Peer peer = Peer.of(peerName, channel);
        return onEngine(() -> {
            Subscribers handler = new Subscribers(engine, peer, tally);
            Population population = new Population(engine, peer, addresses, new InetSocketAddress("127.0.0.1", port),
                    handler, count, firstIndex, teams, stallPercent, churn);
            handlers.add(handler);
            populations.add(population);
            population.start();
            return population.done;
        });
    }

    /** Opens {@code perSecond} connections a second, each closed once subscribed; answers when all have ended. */
    private String churn(String[] c) throws Exception {
        int perSecond = Integer.parseInt(c[3]);
        int seconds = Integer.parseInt(c[4]);
        int total = perSecond * seconds;
        CompletableFuture<String> done = open(c[1], Integer.parseInt(c[2]), total, Integer.parseInt(c[6]), -1, 0, c[5], true);
        Population population = onEngine(() -> populations.get(populations.size() - 1));
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            LockSupport.parkNanos(due - System.nanoTime());
            engine.execute(population::openOne);
        }
        return done.get(60, TimeUnit.SECONDS);
    }

    /**
     * Closes and reopens {@code perSecond} of the subscribers this process holds a second, for {@code seconds};
     * answers once every reopened one has subscribed or failed (at most 60 s more).
     */
    private String rotate(String[] c) throws Exception {
        Peer peer = Peer.of(c[1], c[5]);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(c[2]));
        int perSecond = Integer.parseInt(c[3]);
        Rotation r = onEngine(() -> rotation = new Rotation(engine, peer, addresses, server,
                new Subscribers(engine, peer, tally), perSecond, Integer.parseInt(c[6]), populations));
        java.util.concurrent.ScheduledFuture<?> ticking = timer.scheduleAtFixedRate(() -> engine.execute(r::tick),
                100, 100, TimeUnit.MILLISECONDS);
        Thread.sleep(Long.parseLong(c[4]) * 1000);
        ticking.cancel(false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onEngine(r::settled) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return onEngine(() -> r.summary(tally.cutOff));
    }

    private void keepalive() {
        for (int i = 0; i < populations.size(); i++) {
            handlers.get(i).keepalive(populations.get(i));
        }
    }

    private void closeAll() {
        if (rotation != null) {
            rotation.close();
            rotation = null;
        }
        populations.forEach(Population::close);
        populations.clear();
        handlers.clear();
    }

    private <T> T onEngine(java.util.concurrent.Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        engine.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(180, TimeUnit.SECONDS);
    }
}
