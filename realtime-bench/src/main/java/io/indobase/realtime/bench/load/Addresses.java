package io.indobase.realtime.bench.load;

import java.net.InetSocketAddress;

/**
 * Source addresses {@code 127.<block>.<c>.<d>}, one after the other, so that no address carries more than a few
 * hundred connections (28k ephemeral ports per source address here) and reconnects do not meet TIME_WAIT.
 */
final class Addresses {

    private final int block;
    private int cursor;

    Addresses(int block) {
        this.block = block;
    }

    InetSocketAddress next() {
        int c = (cursor / 250) % 256;
        int d = 1 + cursor % 250;
        cursor++;
        return new InetSocketAddress("127." + block + "." + c + "." + d, 0);
    }
}
