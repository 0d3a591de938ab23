package io.indobase.realtime.bench.load;

/** One generator connection's own state (engine thread only). */
final class Subscriber {

    final int index;
    final int team;
    final boolean stall;
    final Population population;
    final long started = System.nanoTime();
    boolean ready;
    boolean closing;
    long lastSeq = -1;

    Subscriber(int index, int team, boolean stall, Population population) {
        this.index = index;
        this.team = team;
        this.stall = stall;
        this.population = population;
    }
}
