package io.indobase.realtime.bench.soak;

import java.util.Arrays;
import java.util.List;

/**
 * Whether one series stayed flat: the median of its samples in the last minute of the soak against the median in
 * the first minute (both after the warm-up), within {@code tolerance} (0.05: 5 %) of the first. Min and max are over
 * every sample, for the record; they do not decide.
 */
public record Flatness(String series, String unit, double first, double last, double min, double max, double change,
                       boolean flat) {

    public static final double TOLERANCE = 0.05;
    static final double MINUTE = 60;

    /** Judges one series over samples taken from 0 to {@code end} seconds; needs a sample in each minute. */
    public static Flatness of(Sample.Series series, List<Sample> samples, double end, double tolerance) {
        double[] first = values(series, samples, 0, MINUTE);
        double[] last = values(series, samples, end - MINUTE + 1e-9, end + 1e-9);
        if (first.length == 0 || last.length == 0) {
            throw new IllegalArgumentException("no sample in the first or the last minute of " + series.name());
        }
        double[] all = values(series, samples, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        double a = median(first);
        double b = median(last);
        double change = a == 0 ? (b == 0 ? 0 : Double.POSITIVE_INFINITY) : (b - a) / a;
        return new Flatness(series.name(), series.unit(), a, b, Arrays.stream(all).min().orElse(a),
                Arrays.stream(all).max().orElse(a), change, Math.abs(change) <= tolerance);
    }

    /** Every series of a soak. */
    public static List<Flatness> all(List<Sample> samples, double end) {
        return Sample.SERIES.stream().map(s -> of(s, samples, end, TOLERANCE)).toList();
    }

    /** The values of samples taken in [from, to). */
    private static double[] values(Sample.Series series, List<Sample> samples, double from, double to) {
        return samples.stream().filter(s -> s.seconds() >= from && s.seconds() < to).mapToDouble(series.value()).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
