package io.indobase.realtime.permission;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is on the other end of a connection, and the roles that gives them, as Appwrite's {@code User::getRoles}
 * computes them: a guest holds {@code guests} only; a user holds {@code user:ID}, {@code users}, the verified or
 * unverified forms of both, {@code team:T}, {@code team:T/<role>} and {@code member:M} per confirmed membership, and
 * {@code label:L} per label. Nobody holds {@code any}: events readable by {@code any} reach everyone.
 *
 * <p>Beyond Appwrite, a server-side subscriber may present an API key with the {@code subscribe} scope: it holds
 * {@link Role#EVERY_EVENT} and reads every event of its project, whatever the event's permissions.
 *
 * @param userId      the user, or null for a guest or an API key
 * @param verified    whether the user verified an email address or a phone number
 * @param memberships the user's team memberships
 * @param labels      the user's labels
 * @param apiKey      the name of the API key this connection presented, or null
 */
public record Identity(String userId, boolean verified, List<Membership> memberships, List<String> labels,
                       String apiKey) {

    public static final Identity GUEST = new Identity(null, false, List.of(), List.of(), null);

    public Identity {
        if (userId != null) {
            Membership.requireName(userId, "userId");
        }
        if (userId != null && apiKey != null) {
            throw new IllegalArgumentException("an identity is a user or an API key, not both");
        }
        memberships = List.copyOf(memberships);
        labels = List.copyOf(labels);
        labels.forEach(label -> Membership.requireName(label, "label"));
    }

    public Identity(String userId, boolean verified, List<Membership> memberships, List<String> labels) {
        this(userId, verified, memberships, labels, null);
    }

    public static Identity user(String userId, boolean verified, List<Membership> memberships, List<String> labels) {
        return new Identity(userId, verified, memberships, labels, null);
    }

    public static Identity apiKey(String name) {
        return new Identity(null, false, List.of(), List.of(), name);
    }

    public boolean isGuest() {
        return userId == null && apiKey == null;
    }

    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        if (apiKey != null) {
            return Set.of(Role.EVERY_EVENT);
        }
        if (isGuest()) {
            return Set.of(Role.GUESTS);
        }
        String status = verified ? "verified" : "unverified";
        roles.add("user:" + userId);
        roles.add("users");
        roles.add("user:" + userId + "/" + status);
        roles.add("users/" + status);
        for (Membership membership : memberships) {
            if (membership.confirmed()) {
                roles.add("team:" + membership.teamId());
                if (membership.membershipId() != null) {
                    roles.add("member:" + membership.membershipId());
                }
                membership.roles().forEach(role -> roles.add("team:" + membership.teamId() + "/" + role));
            }
        }
        labels.forEach(label -> roles.add("label:" + label));
        return Set.copyOf(roles);
    }

    // --- live changes (beyond Appwrite): each returns the identity after one change of the user's account

    /** Adds the membership, or replaces the one with the same id (or, for realm memberships, the same team). */
    public Identity withMembership(Membership membership) {
        List<Membership> updated = new ArrayList<>(memberships.size() + 1);
        for (Membership m : memberships) {
            if (!sameMembership(m, membership)) {
                updated.add(m);
            }
        }
        updated.add(membership);
        return new Identity(userId, verified, updated, labels, apiKey);
    }

    /** Removes the membership with that id; for a realm membership (no id), the team's. */
    public Identity withoutMembership(String teamId, String membershipId) {
        List<Membership> updated = new ArrayList<>(memberships);
        updated.removeIf(m -> membershipId != null && membershipId.equals(m.membershipId())
                || m.membershipId() == null && m.teamId().equals(teamId));
        return new Identity(userId, verified, updated, labels, apiKey);
    }

    public Identity withoutTeam(String teamId) {
        List<Membership> updated = new ArrayList<>(memberships);
        updated.removeIf(m -> m.teamId().equals(teamId));
        return new Identity(userId, verified, updated, labels, apiKey);
    }

    public Identity withLabels(List<String> newLabels) {
        return new Identity(userId, verified, memberships, newLabels, apiKey);
    }

    public Identity withVerified(boolean newVerified) {
        return new Identity(userId, newVerified, memberships, labels, apiKey);
    }

    private static boolean sameMembership(Membership a, Membership b) {
        if (a.membershipId() != null && b.membershipId() != null) {
            return a.membershipId().equals(b.membershipId());
        }
        return a.teamId().equals(b.teamId()) && (a.membershipId() == null || b.membershipId() == null);
    }
}
