package io.indobase.realtime.channel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The channels a concrete event is published on, as Appwrite's {@code Realtime::fromPayload} derives them: the base
 * channels of the event's family, then each base channel whose last or second-to-last segment names a resource
 * again with the action as a suffix. Families without realtime traffic give no channel; so do the families Appwrite
 * sends only to its console project (attributes, columns, indexes, deployments, rules, migrations, projects), since
 * indobase has no console project.
 *
 * <p>Pass the first name of {@link EventNames#expand}, as Appwrite does: for attribute events such as
 * {@code users.U.update.name} that is the name without the attribute.
 */
public final class EventChannels {

    private static final Set<String> ACTIONS = Set.of("create", "update", "upsert", "delete");
    private static final Set<String> SUFFIXED = Set.of(
            "documents", "rows", "files", "executions", "functions", "account", "teams", "memberships", "presences");

    private EventChannels() {
    }

    public static List<String> of(String event, String project) {
        String[] parts = event.split("\\.");
        List<String> base = base(parts, project);
        if (base.isEmpty()) {
            return base;
        }
        String action = action(parts);
        boolean suffix = action != null && (!parts[0].equals("users") || action.equals(parts[2]));
        Set<String> channels = new LinkedHashSet<>(base);
        if (suffix) {
            for (String channel : base) {
                if (namesResource(channel)) {
                    channels.add(channel + "." + action);
                }
            }
        }
        return List.copyOf(channels);
    }

    private static List<String> base(String[] p, String project) {
        List<String> c = new ArrayList<>();
        switch (p[0]) {
            case "users" -> {
                if (p.length > 2) {
                    c.add("account");
                    c.add("account." + p[1]);
                }
            }
            case "databases", "tablesdb" -> {
                if (isRecord(p)) {
                    c.addAll(List.of("documents",
                            "databases." + p[1] + ".collections." + p[3] + ".documents",
                            "databases." + p[1] + ".collections." + p[3] + ".documents." + p[5],
                            "rows",
                            "databases." + p[1] + ".tables." + p[3] + ".rows",
                            "databases." + p[1] + ".tables." + p[3] + ".rows." + p[5],
                            "tablesdb." + p[1] + ".tables." + p[3] + ".rows",
                            "tablesdb." + p[1] + ".tables." + p[3] + ".rows." + p[5]));
                }
            }
            case "documentsdb", "vectorsdb" -> {
                if (isRecord(p)) {
                    String prefix = p[0] + "." + p[1] + ".collections." + p[3] + ".documents";
                    c.addAll(List.of("documents", prefix, prefix + "." + p[5]));
                }
            }
            case "buckets" -> {
                if (p.length > 4 && p[2].equals("files")) {
                    c.addAll(List.of("files", "buckets." + p[1] + ".files", "buckets." + p[1] + ".files." + p[3]));
                }
            }
            case "functions" -> {
                if (p.length > 4 && p[2].equals("executions")) {
                    c.addAll(List.of("console", "projects." + project,
                            "executions", "executions." + p[3], "functions." + p[1]));
                }
            }
            case "teams" -> {
                if (p.length > 4 && p[2].equals("memberships")) {
                    c.addAll(List.of("memberships", "memberships." + p[3]));
                } else if (p.length > 2 && ACTIONS.contains(p[2])) {
                    c.addAll(List.of("teams", "teams." + p[1]));
                }
            }
            case "reports" -> {
                if (p.length < 2) {
                    break;
                }
                c.addAll(List.of("reports", "reports." + p[1]));
                if (p.length > 3 && p[2].equals("insights")) {
                    c.addAll(List.of("reports." + p[1] + ".insights", "reports." + p[1] + ".insights." + p[3]));
                }
            }
            case "presences" -> {
                if (p.length > 2) {
                    c.addAll(List.of("presences", "presences." + p[1]));
                }
            }
            default -> {
                // no realtime traffic for this family
            }
        }
        return c;
    }

    private static boolean isRecord(String[] p) {
        return p.length > 6
                && (p[2].equals("collections") && p[4].equals("documents") || p[2].equals("tables") && p[4].equals("rows"));
    }

    private static String action(String[] parts) {
        String last = parts[parts.length - 1];
        if (ACTIONS.contains(last)) {
            return last;
        }
        if (parts.length > 1 && ACTIONS.contains(parts[parts.length - 2])) {
            return parts[parts.length - 2];
        }
        return null;
    }

    private static boolean namesResource(String channel) {
        String[] s = channel.split("\\.");
        return SUFFIXED.contains(s[s.length - 1]) || s.length > 1 && SUFFIXED.contains(s[s.length - 2]);
    }
}
