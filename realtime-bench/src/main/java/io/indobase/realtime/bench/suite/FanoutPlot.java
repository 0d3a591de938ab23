package io.indobase.realtime.bench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * S2 as a chart (SVG, written by hand): the p99 time to the last subscriber against the number of subscribers, one
 * line per target, both axes logarithmic. Written beside the report as {@code fanout.svg}.
 */
final class FanoutPlot {

    static final String FILE = "fanout.svg";
    static final String METRIC = "time to last p99 ms";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#1f4e8c", "#c0392b", "#27864a", "#8e44ad"};

    private FanoutPlot() {
    }

    /** The chart, or null when S2 has no figure for any target. */
    static String svg(Results results, List<Integer> sizes, List<String> targets) {
        List<double[]> lines = new ArrayList<>();
        double low = Double.MAX_VALUE;
        double high = 0;
        for (String target : targets) {
            double[] values = new double[sizes.size()];
            for (int i = 0; i < sizes.size(); i++) {
                values[i] = results.median("S2", "N=" + sizes.get(i), METRIC, target);
                if (values[i] > 0) {
                    low = Math.min(low, values[i]);
                    high = Math.max(high, values[i]);
                }
            }
            lines.add(values);
        }
        if (high == 0 || sizes.size() < 2) {
            return null;
        }
        Log x = new Log(sizes.get(0), sizes.get(sizes.size() - 1), LEFT, WIDTH - RIGHT);
        Log y = new Log(Math.pow(10, Math.floor(Math.log10(low))), Math.pow(10, Math.ceil(Math.log10(high))),
                HEIGHT - BOTTOM, TOP);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n"
                + "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n<text x=\"%d\" y=\"22\" font-size=\"13\" "
                + "font-weight=\"bold\">S2: fan-out, p99 time to the last subscriber (ms, log) by subscribers (log)</text>%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, WIDTH, HEIGHT, LEFT));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        for (double v = y.from; v <= y.to * 1.0001; v *= 10) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y.at(v) + 4, v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v)));
        }
        for (int size : sizes) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n",
                    x.at(size), HEIGHT - BOTTOM + 16, size));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">subscribers</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12));
        for (int t = 0; t < targets.size(); t++) {
            String colour = COLOURS[t % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < sizes.size(); i++) {
                double v = lines.get(t)[i];
                if (v > 0) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(sizes.get(i)), y.at(v)));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                            x.at(sizes.get(i)), y.at(v), colour));
                }
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
                    + "points=\"%s\"/>%n", colour, points.toString().trim()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\" font-weight=\"bold\">%s</text>%n",
                    WIDTH - RIGHT + 14, TOP + 14 + 18 * t, colour, targets.get(t)));
        }
        return svg.append("</svg>\n").toString();
    }

    /** A logarithmic axis mapping [from, to] onto [start, stop] pixels. */
    private record Log(double from, double to, double start, double stop) {
        double at(double value) {
            return start + (Math.log(value) - Math.log(from)) / (Math.log(to) - Math.log(from)) * (stop - start);
        }
    }
}
