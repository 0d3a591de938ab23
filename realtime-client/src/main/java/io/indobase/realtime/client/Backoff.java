package io.indobase.realtime.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Reconnect delays: {@code initial × multiplier^(attempt-1)}, capped at {@code max}, then spread by ±{@code jitter}
 * (a fraction) so that clients cut off together do not come back together.
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** 0.5 s, doubling, at most 30 s, ±50 %. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.5);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        if (!(multiplier >= 1.0) || !(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("need multiplier >= 1 and 0 <= jitter < 1, got " + multiplier + " and " + jitter);
        }
    }

    /**
     * @param attempt 1 for the first retry after a loss
     * @param random  a number in [0, 1)
     */
    public Duration delay(int attempt, double random) {
        double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, max.toMillis());
        double spread = capped * (1 - jitter + 2 * jitter * random);
        return Duration.ofMillis(Math.round(Math.min(spread, max.toMillis())));
    }
}
