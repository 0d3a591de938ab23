package io.indobase.realtime.permission;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is on the other end of a connection, and the roles that gives them, as Appwrite's {@code User::getRoles}
 * computes them: a guest holds {@code guests} only; a user holds {@code user:ID}, {@code users}, the verified or
 * unverified forms of both, {@code team:T}, {@code team:T/<role>} and {@code member:M} per confirmed membership, and
 * {@code label:L} per label. Nobody holds {@code any}: events readable by {@code any} reach everyone.
 *
 * @param userId      the user, or null for a guest
 * @param verified    whether the user verified an email address or a phone number
 * @param memberships the user's team memberships
 * @param labels      the user's labels
 */
public record Identity(String userId, boolean verified, List<Membership> memberships, List<String> labels) {

    public static final Identity GUEST = new Identity(null, false, List.of(), List.of());

    public Identity {
        if (userId != null && userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        memberships = List.copyOf(memberships);
        labels = List.copyOf(labels);
    }

    public static Identity user(String userId, boolean verified, List<Membership> memberships, List<String> labels) {
        return new Identity(userId, verified, memberships, labels);
    }

    public boolean isGuest() {
        return userId == null;
    }

    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        if (isGuest()) {
            roles.add(Role.GUESTS);
            return Set.copyOf(roles);
        }
        String status = verified ? "verified" : "unverified";
        roles.add("user:" + userId);
        roles.add("users");
        roles.add("user:" + userId + "/" + status);
        roles.add("users/" + status);
        for (Membership membership : memberships) {
            if (membership.confirmed()) {
                roles.add("team:" + membership.teamId());
                roles.add("member:" + membership.membershipId());
                membership.roles().forEach(role -> roles.add("team:" + membership.teamId() + "/" + role));
            }
        }
        labels.forEach(label -> roles.add("label:" + label));
        return Set.copyOf(roles);
    }
}
