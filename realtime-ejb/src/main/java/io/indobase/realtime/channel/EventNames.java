package io.indobase.realtime.channel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code events[]} of a frame: every wildcard form of one concrete event, as Appwrite's
 * {@code Event::generateEvents} lists them, including the collection/table mirror families of the legacy and
 * TablesDB databases. The first name is the event without its attribute suffix, if it has one.
 *
 * <p>An event has up to three id levels ({@code type.ID.subType.ID.subSubType.ID}), then an action and an optional
 * attribute. A part is an id when the part before it names a resource rather than an action.
 */
public final class EventNames {

    private static final Set<String> ACTIONS = Set.of("create", "update", "upsert", "delete");
    private static final String STAR = "*";

    private static final Map<String, String> COLLECTIONS_TO_TABLES =
            Map.of("documents", "rows", "collections", "tables", "attributes", "columns");
    private static final Map<String, String> TABLES_TO_COLLECTIONS =
            Map.of("rows", "documents", "tables", "collections", "columns", "attributes");
    private static final Map<String, String> TABLESDB_TO_DATABASES =
            Map.of("tablesdb", "databases", "tables", "collections", "rows", "documents", "columns", "attributes");

    private EventNames() {
    }

    public static List<String> expand(String event) {
        String[] parts = event.split("\\.");
        if (parts.length < 2) {
            return List.of(event);
        }
        Shape shape = Shape.of(parts);
        Set<String> names = new LinkedHashSet<>();
        for (int[] pattern : shape.patterns()) {
            names.addAll(fill(parts, pattern, shape.levels()));
        }
        List<String> events = new ArrayList<>(names);
        return mirrors(parts[0], events) ? mirror(events) : List.copyOf(events);
    }

    /**
     * One pattern's names: concrete, all ids starred, then Appwrite's starring of single ids (one and two id
     * levels) or of one and two ids (three levels), in its loop order.
     */
    private static List<String> fill(String[] parts, int[] pattern, int levels) {
        List<String> out = new ArrayList<>();
        out.add(render(parts, pattern, Set.of()));
        int[] ids = new int[levels];
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            ids[i] = 1 + 2 * i;
            all.add(ids[i]);
        }
        out.add(render(parts, pattern, all));
        for (int key : ids) {
            for (int current : ids) {
                if (levels == 3) {
                    for (int subCurrent : ids) {
                        if (subCurrent == current || subCurrent == key) {
                            continue;
                        }
                        out.add(render(parts, pattern, Set.of(subCurrent)));
                        out.add(render(parts, pattern, Set.of(subCurrent, current)));
                        out.add(render(parts, pattern, Set.of(current)));
                    }
                } else if (current != key) {
                    out.add(render(parts, pattern, Set.of(current)));
                }
            }
        }
        return out;
    }

    private static String render(String[] parts, int[] pattern, Set<Integer> starred) {
        StringBuilder name = new StringBuilder();
        for (int position : pattern) {
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(starred.contains(position) ? STAR : parts[position]);
        }
        return name.toString();
    }

    /** Legacy databases and TablesDB also announce each name in the other family's words. */
    private static boolean mirrors(String type, List<String> events) {
        String first = events.get(0);
        return type.equals("databases") && (first.contains("collections") || first.contains("tables"))
                || type.equals("tablesdb");
    }

    private static List<String> mirror(List<String> events) {
        Set<String> paired = new LinkedHashSet<>();
        for (String event : events) {
            paired.add(event);
            if (event.contains("tablesdb")) {
                String databases = replaceSegments(event, TABLESDB_TO_DATABASES);
                paired.add(databases);
                paired.add(replaceSegments(databases, COLLECTIONS_TO_TABLES));
            } else if (event.contains("collections")) {
                paired.add(replaceSegments(event, COLLECTIONS_TO_TABLES));
            } else if (event.contains("tables")) {
                paired.add(replaceSegments(event, TABLES_TO_COLLECTIONS));
            }
        }
        return List.copyOf(paired);
    }

    private static String replaceSegments(String event, Map<String, String> map) {
        String[] segments = event.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            segments[i] = map.getOrDefault(segments[i], segments[i]);
        }
        return String.join(".", segments);
    }

    /**
     * The positions of an event: ids at 1, 3 and 5 (as far as {@code levels} goes), the action and the attribute,
     * and the patterns Appwrite derives from them, most specific first.
     */
    private record Shape(int levels, int action, int attribute) {

        static Shape of(String[] parts) {
            int n = parts.length;
            boolean sub = n > 3 && !ACTIONS.contains(parts[2]);
            boolean subSub = sub && n > 5 && !ACTIONS.contains(parts[4]);
            int levels = subSub ? 3 : sub ? 2 : 1;
            int action = -1;
            int attribute = -1;
            if (subSub) {
                action = n > 6 ? 6 : -1;
                attribute = n == 8 ? 7 : -1;
            } else if (sub) {
                action = n > 4 ? 4 : -1;
                attribute = n == 6 ? 5 : -1;
            } else {
                action = n > 2 ? 2 : -1;
                attribute = n == 4 ? 3 : -1;
            }
            return new Shape(levels, action, attribute);
        }

        List<int[]> patterns() {
            Set<List<Integer>> unique = new LinkedHashSet<>();
            List<Integer> resource = List.of(0, 1);
            List<Integer> subResource = List.of(0, 1, 2, 3);
            List<Integer> subSubResource = List.of(0, 1, 2, 3, 4, 5);
            List<Integer> deepest = levels == 3 ? subSubResource : levels == 2 ? subResource : resource;
            if (action >= 0) {
                if (levels > 1) {
                    if (attribute >= 0) {
                        unique.add(with(deepest, action, attribute));
                    }
                    unique.add(with(deepest, action));
                    unique.add(deepest);
                } else {
                    unique.add(with(resource, action));
                }
                if (attribute >= 0) {
                    unique.add(with(resource, action, attribute));
                }
            }
            if (levels == 3) {
                unique.add(subSubResource);
            }
            if (levels >= 2) {
                unique.add(subResource);
            }
            unique.add(resource);
            return unique.stream().map(p -> p.stream().mapToInt(Integer::intValue).toArray()).toList();
        }

        private static List<Integer> with(List<Integer> base, int... more) {
            List<Integer> pattern = new ArrayList<>(base);
            for (int position : more) {
                pattern.add(position);
            }
            return pattern;
        }
    }
}
