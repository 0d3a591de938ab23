package io.indobase.realtime.bench.suite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.HdrHistogram.Histogram;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The generator processes: two for the bulk subscribers (at most ~10k connections each), one for the probes
 * (latency comes from them only, so the bulk's queueing does not pollute it) and one for the churn.
 */
final class Generators implements AutoCloseable {

    static final int PROBES = 20;
    private final Generator[] bulk;
    private final Generator probe;
    private final Generator churner;
    private final List<Generator> all;
    private int nextIndex;

    Generators(Path logs, String cpus) throws IOException {
        bulk = new Generator[] {new Generator(10, cpus, logs.resolve("generator-a.log")),
                new Generator(11, cpus, logs.resolve("generator-b.log"))};
        probe = new Generator(12, cpus, logs.resolve("generator-probe.log"));
        churner = new Generator(13, cpus, logs.resolve("generator-churn.log"));
        all = List.of(bulk[0], bulk[1], probe);
    }

    /** What opening a population gave: subscribers ready and failed, set-up latency of the bulk (µs). */
    record Opened(int ready, int failed, long setupP50, long setupP99, String failure) {
    }

    /**
     * Opens {@code count} subscribers (probes included) on {@code peer}; subscriber {@code i} is in team
     * {@code i % teams} (teams 0: none) and {@code stallPercent} % of the bulk stop reading once subscribed.
     */
    Opened open(String peer, int port, int count, int teams, int stallPercent, String channel) throws IOException {
        int probes = Math.min(PROBES, count / 5);
        int rest = count - probes;
        int[] share = rest > 2000 ? new int[] {rest / 2, rest - rest / 2} : new int[] {rest, 0};
        int index = 0;
        for (int i = 0; i < 2; i++) {
            bulk[i].send(String.join(" ", "OPEN", peer, Integer.toString(port), Integer.toString(share[i]),
                    Integer.toString(index), Integer.toString(teams), Integer.toString(stallPercent), channel));
            index += share[i];
        }
        probe.send(String.join(" ", "OPEN", peer, Integer.toString(port), Integer.toString(probes),
                Integer.toString(index), Integer.toString(teams), "0", channel));
        nextIndex = count;
        int ready = 0;
        int failed = 0;
        long p50 = 0;
        long p99 = 0;
        String failure = null;
        for (Generator generator : all) {
            Map<String, String> f = Generator.fields(generator.answer());
            ready += Generator.number(f, "ok");
            failed += Generator.number(f, "failed");
            p50 = Math.max(p50, Generator.number(f, "p50"));
            p99 = Math.max(p99, Generator.number(f, "p99"));
            failure = failure != null ? failure : f.get("first-failure");
        }
        return new Opened(ready, failed, p50, p99, failure);
    }

    void reset(long seqBase, int messages) throws IOException {
        for (Generator generator : all) {
            generator.send("RESET " + seqBase + " " + messages);
        }
        for (Generator generator : all) {
            generator.answer();
        }
    }

    long delivered() throws IOException {
        long total = 0;
        for (Generator generator : all) {
            total += Long.parseLong(generator.call("COUNT").trim());
        }
        return total;
    }

    /** What a round of publishing gave, merged over the processes. Latencies in µs. */
    record Received(long delivered, long unauthorised, long disorder, long cutOff, long probeCount, long probeP50,
                    long probeP99, long probeMax, long allP99, long lastP50, long lastP99, long lastMax) {
    }

    /** @param intended the intended send time of each message of the round (index = seq - base) */
    Received report(long[] intended) throws IOException, java.util.zip.DataFormatException {
        long[] last = new long[intended.length];
        long delivered = 0;
        long unauthorised = 0;
        long disorder = 0;
        long cutOff = 0;
        Map<String, String> probeFields = Map.of();
        Histogram every = new Histogram(120_000_000L, 3);
        for (Generator generator : all) {
            generator.send("REPORT");
            Map<String, String> f = Generator.fields(generator.answer());
            String lastLine = generator.answer();
            every.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(generator.answer())), 0));
            delivered += Generator.number(f, "delivered");
            unauthorised += Generator.number(f, "unauthorised");
            disorder += Generator.number(f, "disorder");
            cutOff += Generator.number(f, "cutoff");
            if (generator == probe) {
                probeFields = f;
            }
            for (String pair : lastLine.isEmpty() ? new String[0] : lastLine.split(",")) {
                int colon = pair.indexOf(':');
                int slot = Integer.parseInt(pair.substring(0, colon));
                last[slot] = Math.max(last[slot], Long.parseLong(pair.substring(colon + 1)));
            }
        }
        long[] toLast = new long[intended.length];
        int n = 0;
        for (int i = 0; i < intended.length; i++) {
            if (last[i] != 0) {
                toLast[n++] = (last[i] - intended[i]) / 1000;
            }
        }
        Arrays.sort(toLast, 0, n);
        return new Received(delivered, unauthorised, disorder, cutOff, Generator.number(probeFields, "count"),
                Generator.number(probeFields, "p50"),
                Generator.number(probeFields, "p99"), Generator.number(probeFields, "max"), every.getValueAtPercentile(99),
                percentile(toLast, n, 50), percentile(toLast, n, 99), n == 0 ? 0 : toLast[n - 1]);
    }

    private static long percentile(long[] sorted, int n, double p) {
        return n == 0 ? 0 : sorted[Math.min(n - 1, (int) Math.ceil(p / 100 * n) - 1)];
    }

    /** Connect-subscribe-close churn from a process of its own; answers when it is over. */
    Map<String, String> churn(String peer, int port, int perSecond, int seconds, String channel) throws IOException {
        int first = nextIndex + 1_000_000;
        nextIndex += perSecond * seconds;
        return Generator.fields(churner.call(String.join(" ", "CHURN", peer, Integer.toString(port),
                Integer.toString(perSecond), Integer.toString(seconds), channel, Integer.toString(first))));
    }

    /** The soak's churned set: {@code count} subscribers held by the churn process, from index {@code firstIndex}. */
    Opened openRotating(String peer, int port, int count, int firstIndex, String channel) throws IOException {
        Map<String, String> f = Generator.fields(churner.call(String.join(" ", "OPEN", peer, Integer.toString(port),
                Integer.toString(count), Integer.toString(firstIndex), "0", "0", channel)));
        return new Opened((int) Generator.number(f, "ok"), (int) Generator.number(f, "failed"), Generator.number(f, "p50"),
                Generator.number(f, "p99"), f.get("first-failure"));
    }

    /**
     * Closes and reopens {@code perSecond} of the churned set a second for {@code seconds}, new indexes from
     * {@code firstIndex}; answers when it is over (closed, reopened, failed, cutoff, held, p99 of the reopens).
     */
    Map<String, String> rotate(String peer, int port, int perSecond, int seconds, String channel, int firstIndex)
            throws IOException {
        return Generator.fields(churner.call(String.join(" ", "ROTATE", peer, Integer.toString(port),
                Integer.toString(perSecond), Integer.toString(seconds), channel, Integer.toString(firstIndex))));
    }

    void closeAll() throws IOException {
        for (Generator generator : all) {
            generator.send("CLOSE");
        }
        for (Generator generator : all) {
            generator.answer();
        }
    }

    @Override
    public void close() {
        all.forEach(Generator::close);
        churner.close();
    }
}
