package io.indobase.realtime.bench.soak;

import java.util.List;
import java.util.Locale;

/**
 * The soak's four series as an SVG written by hand: one panel per series over the same time axis (minutes), each
 * with its own scale, and a shaded band of ±5 % around the first minute's median (the verdict's bounds).
 */
public final class SoakPlot {

    static final int WIDTH = 720;
    static final int PANEL = 130;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 48;
    static final int GAP = 42;

    private SoakPlot() {
    }

    public static String svg(String title, List<Sample> samples, List<Flatness> verdicts, double end) {
        int height = TOP + verdicts.size() * (PANEL + GAP) + 10;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        for (int i = 0; i < verdicts.size(); i++) {
            panel(svg, Sample.SERIES.get(i), verdicts.get(i), samples, end, TOP + i * (PANEL + GAP));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, Sample.Series series, Flatness verdict, List<Sample> samples,
                              double end, int top) {
        double low = Math.min(verdict.min(), verdict.first() * (1 - Flatness.TOLERANCE));
        double high = Math.max(verdict.max(), verdict.first() * (1 + Flatness.TOLERANCE));
        double pad = (high - low) * 0.05 + 1e-9;
        Scale y = new Scale(low - pad, high + pad, top + PANEL, top);
        Scale x = new Scale(0, end, LEFT, WIDTH - RIGHT);
        double bandTop = y.at(verdict.first() * (1 + Flatness.TOLERANCE));
        double bandBottom = y.at(verdict.first() * (1 - Flatness.TOLERANCE));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", LEFT, top, WIDTH - LEFT - RIGHT, PANEL));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#dfe8f5\"/>%n",
                LEFT, bandTop, WIDTH - LEFT - RIGHT, bandBottom - bandTop));
        StringBuilder points = new StringBuilder();
        for (Sample sample : samples) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(sample.seconds()),
                    y.at(series.value().applyAsDouble(sample))));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1f4e8c\" stroke-width=\"1.5\" points=\"")
                .append(points.toString().trim()).append("\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s (%s): first minute %s, "
                        + "last minute %s, %+.1f %%%s</text>%n", LEFT, top - 6, escape(series.name()), series.unit(),
                number(verdict.first()), number(verdict.last()), verdict.change() * 100, verdict.flat() ? "" : " (not flat)"));
        for (double v : new double[] {y.from() + pad, (y.from() + y.to()) / 2, y.to() - pad}) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y.at(v) + 4, number(v)));
        }
        for (int minute = 0; minute * 60 <= end; minute++) {
            double at = x.at(minute * 60.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>%n",
                    at, top + PANEL, at, top + PANEL + 4));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d%s</text>%n",
                    at, top + PANEL + 15, minute, minute == 0 ? " min" : ""));
        }
    }

    /** Maps [from, to] onto [start, stop] pixels (stop < start for an upward axis). */
    private record Scale(double from, double to, double start, double stop) {
        double at(double value) {
            return start + (value - from) / (to - from) * (stop - start);
        }
    }

    static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
