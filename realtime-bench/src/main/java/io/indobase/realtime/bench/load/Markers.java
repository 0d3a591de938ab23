package io.indobase.realtime.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * The harness's markers, found in whatever frame a server wraps the published body in: {@code "bseq":<n>} (the
 * publisher's sequence number), {@code "bt":<nanos>} (the intended send time, CLOCK_MONOTONIC, shared by every
 * process of the host) and {@code "bk":<k>} (readable by teams below k). A byte scan: no String, no JSON parse.
 */
public final class Markers {

    static final byte[] SEQ = "\"bseq\":".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TIME = "\"bt\":".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TEAMS = "\"bk\":".getBytes(StandardCharsets.US_ASCII);

    private Markers() {
    }

    /** The body fields a publisher puts first in the payload. */
    public static String fields(long seq, long intendedNanos, int readableTeams) {
        return "\"bseq\":" + seq + ",\"bt\":" + intendedNanos + ",\"bk\":" + readableTeams;
    }

    /** The number after {@code key} in {@code a[from, to)}, or -1 when the key is absent. */
    static long find(byte[] a, int from, int to, byte[] key) {
        int last = to - key.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < key.length; j++) {
                if (a[i + j] != key[j]) {
                    continue outer;
                }
            }
            long value = 0;
            int k = i + key.length;
            if (k >= to || a[k] < '0' || a[k] > '9') {
                return -1;
            }
            while (k < to && a[k] >= '0' && a[k] <= '9') {
                value = value * 10 + (a[k++] - '0');
            }
            return value;
        }
        return -1;
    }
}
