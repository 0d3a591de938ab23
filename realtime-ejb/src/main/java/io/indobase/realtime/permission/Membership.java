package io.indobase.realtime.permission;

import java.util.List;

/**
 * A user's membership of a team. Only a confirmed membership grants the team's roles.
 *
 * @param teamId       the team
 * @param membershipId the membership, granted as {@code member:<id>}; null when the membership comes from a group of
 *                     the application server's realm, which names no membership
 * @param roles        the member's roles in the team, e.g. {@code owner}, granted as {@code team:<team>/<role>}
 * @param confirmed    whether the invitation was accepted
 */
public record Membership(String teamId, String membershipId, List<String> roles, boolean confirmed) {

    public Membership {
        requireName(teamId, "teamId");
        if (membershipId != null) {
            requireName(membershipId, "membershipId");
        }
        roles = List.copyOf(roles);
        roles.forEach(role -> requireName(role, "team role"));
    }

    static void requireName(String name, String what) {
        if (!Role.isName(name)) {
            throw new IllegalArgumentException(what + " must be a name without ':', '/' or white space: " + name);
        }
    }
}
