package io.indobase.realtime.bench.suite;

import io.indobase.realtime.bench.publish.Publisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One open-loop round of publishing into a target with subscribers already open: a fixed schedule, each event
 * stamped with its intended send time (so a publisher that falls behind does not hide the delay), then a drain until
 * everything expected arrived or nothing more comes, then the generators' counts and the server's CPU.
 */
final class Fanout {

    private final Generators generators;
    private long nextSeq = 1;

    Fanout(Generators generators) {
        this.generators = generators;
    }

    /** A round's outcome. CPU in seconds over the round, drain included. */
    record Round(int messages, long expected, Generators.Received received, double serverCpu, double brokerCpu,
                 double seconds) {

        double deliveredRatio() {
            return expected == 0 ? 1 : (double) received.delivered() / expected;
        }

        /** Server CPU µs per delivery. */
        double cpuPerDelivery() {
            return received.delivered() == 0 ? 0 : serverCpu * 1e6 / received.delivered();
        }

        double deliveriesPerSecond() {
            return received.delivered() / seconds;
        }
    }

    /**
     * @param readableTeams  the events are readable by the first teams only (with {@code teams} > 0)
     * @param expectedPerMessage subscribers that must receive each event
     */
    Round run(Target target, Publisher publisher, double rate, double seconds, int readableTeams, int teams,
              long expectedPerMessage) throws Exception {
        int messages = Math.max(1, (int) Math.round(rate * seconds));
        long base = nextSeq;
        nextSeq += messages;
        generators.reset(base, messages);
        long expected = expectedPerMessage * messages;
        double cpu0 = target.cpuSeconds();
        double broker0 = target.brokerCpuSeconds();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long[] intended = new long[messages];
        for (int i = 0; i < messages; i++) {
            long due = start + (long) (i * 1e9 / rate);
            LockSupport.parkNanos(due - System.nanoTime());
            intended[i] = due;
            publisher.publish(base + i, due, readableTeams, teams);
        }
        publisher.flush();
        drain(expected);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = target.cpuSeconds() - cpu0;
        double brokerCpu = target.brokerCpuSeconds() - broker0;
        return new Round(messages, expected, generators.report(intended), cpu, brokerCpu, elapsed);
    }

    /** Waits for the expected deliveries, or for three seconds without progress (at most 20 s). */
    private void drain(long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long seen = -1;
        long still = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long delivered = generators.delivered();
            if (delivered >= expected) {
                return;
            }
            if (delivered != seen) {
                seen = delivered;
                still = System.nanoTime();
            } else if (System.nanoTime() - still > TimeUnit.SECONDS.toNanos(3)) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
