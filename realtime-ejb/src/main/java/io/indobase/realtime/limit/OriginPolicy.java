package io.indobase.realtime.limit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which browser origins may open a socket to which project (cross-site WebSocket hijacking). Entries are
 * comma-separated: {@code same-origin} (the page was served by this host), {@code *} (any origin),
 * {@code https://app.example.com} (that origin, any project) or {@code p1=https://app.example.com} (that origin, for
 * project p1). A client that sends no {@code Origin} (a server, a mobile app) is not a browser and is not checked.
 */
public final class OriginPolicy {

    private record Entry(String project, String origin) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final boolean sameOrigin;
    private final boolean any;

    public OriginPolicy(String config) {
        boolean same = false;
        boolean all = false;
        for (String raw : config.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("same-origin")) {
                same = true;
            } else if (entry.equals("*")) {
                all = true;
            } else {
                int eq = entry.indexOf('=');
                String project = eq < 0 ? null : entry.substring(0, eq).trim();
                String origin = normalise(eq < 0 ? entry : entry.substring(eq + 1));
                if (origin == null) {
                    throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + entry);
                }
                entries.add(new Entry(project, origin));
            }
        }
        this.sameOrigin = same;
        this.any = all;
    }

    /**
     * @param origin the {@code Origin} header, or null
     * @param host   the {@code Host} header the request was sent to
     */
    public boolean allows(String project, String origin, String host) {
        if (origin == null || any) {
            return true;
        }
        String normal = normalise(origin);
        if (normal == null) {
            return false;
        }
        if (sameOrigin && host != null && URI.create(normal).getRawAuthority().equalsIgnoreCase(host)) {
            return true;
        }
        for (Entry entry : entries) {
            if (entry.origin.equals(normal) && (entry.project == null || entry.project.equals(project))) {
                return true;
            }
        }
        return false;
    }

    /** scheme://host[:port] in lower case, or null when it is not one (e.g. {@code null}, a path, a bad URI). */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawPath() != null
                    && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
                return null;
            }
            return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
