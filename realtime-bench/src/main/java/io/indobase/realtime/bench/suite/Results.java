package io.indobase.realtime.bench.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Every figure of a run, one per (scenario, row, metric, target, round), and their tables: median [min–max], ratios. */
final class Results {

    record Cell(String scenario, String row, String metric, String target, int round, double value) {
    }

    private final List<Cell> cells = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    synchronized void failed(String what) {
        failures.add(what);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    synchronized void add(String scenario, String row, String metric, String target, int round, double value) {
        cells.add(new Cell(scenario, row, metric, target, round, value));
        System.out.printf(Locale.ROOT, "  %-3s %-22s %-34s %-6s r%d %s%n", scenario, row, metric, target, round, format(value));
    }

    List<Cell> cells() {
        return List.copyOf(cells);
    }

    /** The median of a figure over the rounds, or NaN. */
    double median(String scenario, String row, String metric, String target) {
        List<Double> values = values(scenario, row, metric, target);
        if (values.isEmpty()) {
            return Double.NaN;
        }
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private List<Double> values(String scenario, String row, String metric, String target) {
        return cells.stream().filter(c -> c.scenario.equals(scenario) && c.row.equals(row) && c.metric.equals(metric)
                && c.target.equals(target)).map(Cell::value).sorted().collect(Collectors.toList());
    }

    /** A markdown table of one scenario: a line per (row, metric), a column per target, then ours ÷ each peer. */
    String table(String scenario, List<String> targets) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Cell cell : cells) {
            if (cell.scenario.equals(scenario)) {
                rows.computeIfAbsent(cell.row + "\u0000" + cell.metric, k -> List.of(cell.row, cell.metric));
            }
        }
        List<String> peers = targets.stream().filter(t -> !t.equals(Target.OURS)).collect(Collectors.toList());
        StringBuilder md = new StringBuilder("| | metric |");
        targets.forEach(t -> md.append(' ').append(t).append(" |"));
        peers.forEach(p -> md.append(" ours ÷ ").append(p).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(targets.size() + peers.size())).append('\n');
        for (List<String> key : rows.values()) {
            md.append("| ").append(key.get(0)).append(" | ").append(key.get(1)).append(" |");
            for (String target : targets) {
                md.append(' ').append(summary(values(scenario, key.get(0), key.get(1), target))).append(" |");
            }
            double ours = median(scenario, key.get(0), key.get(1), Target.OURS);
            for (String peer : peers) {
                double theirs = median(scenario, key.get(0), key.get(1), peer);
                md.append(' ').append(Double.isNaN(ours) || Double.isNaN(theirs) || theirs == 0 ? "–"
                        : String.format(Locale.ROOT, "%.2f", ours / theirs)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String summary(List<Double> values) {
        if (values.isEmpty()) {
            return "–";
        }
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        return n == 1 ? format(median)
                : format(median) + " [" + format(values.get(0)) + "–" + format(values.get(n - 1)) + "]";
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double a = Math.abs(value);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", value);
    }

    /** The targets that have figures, ours first. */
    List<String> targets() {
        return cells.stream().map(Cell::target).distinct()
                .sorted(Comparator.comparing((String t) -> !t.equals(Target.OURS))).collect(Collectors.toList());
    }
}
