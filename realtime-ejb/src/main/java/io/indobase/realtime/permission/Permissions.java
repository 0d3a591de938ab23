package io.indobase.realtime.permission;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Appwrite permission strings such as {@code read("any")} or {@code update("user:u1")}. */
public final class Permissions {

    private static final Pattern PERMISSION = Pattern.compile("^(read|create|update|delete|write)\\(\"([^\"]+)\"\\)$");

    private Permissions() {
    }

    /**
     * The roles granted {@code read} by a resource's permissions. Other actions are valid but grant no read.
     *
     * @throws IllegalArgumentException for a string that is not a permission
     */
    public static Set<String> readRoles(List<String> permissions) {
        Set<String> roles = new HashSet<>();
        for (String permission : permissions) {
            Matcher m = PERMISSION.matcher(permission == null ? "" : permission.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a permission: " + permission
                        + " (expected action(\"role\"), e.g. read(\"any\"))");
            }
            if (m.group(1).equals("read")) {
                roles.add(Role.of(m.group(2)).value());
            }
        }
        return roles;
    }

    /**
     * The read roles of an event on a document or file, with Appwrite's security rule: the collection's (bucket's)
     * read roles, plus the resource's own when document (file) security is on.
     */
    public static Set<String> readRoles(List<String> resource, List<String> parent, boolean resourceSecurity) {
        Set<String> roles = readRoles(parent);
        Set<String> own = readRoles(resource);
        if (resourceSecurity) {
            roles.addAll(own);
        }
        return roles;
    }
}
