package io.indobase.realtime.bench.publish;

/** Publishes the harness's events into one server, each through that server's own ingress. */
public interface Publisher extends AutoCloseable {

    /**
     * One event: sequence {@code seq}, intended send time {@code intendedNanos} (System.nanoTime), readable by the
     * first {@code readableTeams} of {@code teams} teams (teams 0: by everyone).
     */
    void publish(long seq, long intendedNanos, int readableTeams, int teams) throws Exception;

    /** Every event published so far has left this process (for asynchronous sends). */
    default void flush() throws Exception {
    }

    @Override
    void close();

    /** The padding that brings a body to about {@code bytes}. */
    static String pad(int bytes) {
        return "x".repeat(Math.max(0, bytes));
    }
}
