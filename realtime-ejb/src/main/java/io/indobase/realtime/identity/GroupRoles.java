package io.indobase.realtime.identity;

import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Membership;
import io.indobase.realtime.permission.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a caller and the groups the application server (or a token) gives it into an Appwrite identity. With the
 * default prefixes, group {@code team:T} makes the caller a member of team T, {@code team:T/owner} a member with the
 * role owner (roles {@code team:T} and {@code team:T/owner}), {@code label:L} gives {@code label:L}, and the group
 * {@code verified} gives the verified forms of the user roles. Other groups give no role. Each prefix is configurable,
 * for realms whose group names cannot contain {@code :} or {@code /}; an empty prefix switches that rule off. A group
 * whose team, role or label would hold {@code :}, {@code /} or white space gives nothing, so it cannot pose as another
 * role.
 *
 * @param teamPrefix    e.g. {@code team:}
 * @param roleSeparator between the team and the role, e.g. {@code /}
 * @param labelPrefix   e.g. {@code label:}
 * @param verifiedGroup e.g. {@code verified}
 */
public record GroupRoles(String teamPrefix, String roleSeparator, String labelPrefix, String verifiedGroup) {

    public static final GroupRoles DEFAULT = new GroupRoles("team:", "/", "label:", "verified");

    public GroupRoles {
        Objects.requireNonNull(teamPrefix, "teamPrefix");
        Objects.requireNonNull(labelPrefix, "labelPrefix");
        Objects.requireNonNull(verifiedGroup, "verifiedGroup");
        if (roleSeparator == null || roleSeparator.isEmpty()) {
            throw new IllegalArgumentException("the team role separator must not be empty");
        }
    }

    /** @throws IllegalArgumentException when the user id is not a valid name (it would pose as another role) */
    public Identity identity(String userId, Collection<String> groups) {
        Map<String, List<String>> teams = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        boolean verified = false;
        for (String group : groups) {
            if (!verifiedGroup.isEmpty() && group.equals(verifiedGroup)) {
                verified = true;
            } else if (!teamPrefix.isEmpty() && group.startsWith(teamPrefix) && group.length() > teamPrefix.length()) {
                team(group.substring(teamPrefix.length()), teams);
            } else if (!labelPrefix.isEmpty() && group.startsWith(labelPrefix)
                    && Role.isName(group.substring(labelPrefix.length()))) {
                labels.add(group.substring(labelPrefix.length()));
            }
        }
        List<Membership> memberships = new ArrayList<>();
        teams.forEach((team, roles) -> memberships.add(new Membership(team, null, roles, true)));
        return Identity.user(userId, verified, memberships, labels);
    }

    private void team(String rest, Map<String, List<String>> teams) {
        int separator = rest.indexOf(roleSeparator);
        String team = separator < 0 ? rest : rest.substring(0, separator);
        String role = separator < 0 ? null : rest.substring(separator + roleSeparator.length());
        // a group that would make a name holding ':' or '/' could pose as another role: it gives nothing
        if (!Role.isName(team) || role != null && !Role.isName(role)) {
            return;
        }
        List<String> roles = teams.computeIfAbsent(team, t -> new ArrayList<>());
        if (role != null && !roles.contains(role)) {
            roles.add(role);
        }
    }
}
