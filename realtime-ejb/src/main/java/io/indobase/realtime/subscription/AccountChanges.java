package io.indobase.realtime.subscription;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.identity.Revocations;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Membership;
import io.indobase.realtime.permission.Role;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Live role refresh (beyond Appwrite): what an event does to the connections of the user it is about. Gains
 * (a membership created, updated or confirmed; labels or verification changed) apply before the event is delivered,
 * so the user receives it with the new roles; losses (a membership or a team deleted) and revocations (the user blocked
 * or deleted, a session deleted) apply after, so the user still receives the event that removed them.
 */
public final class AccountChanges {

    static final String BLOCKED = "The user is blocked.";
    static final String DELETED = "The user was deleted.";
    static final String SESSION_ENDED = "The session ended.";

    private final Runnable before;
    private final Runnable after;

    private AccountChanges(Runnable before, Runnable after) {
        this.before = before;
        this.after = after;
    }

    public void before() {
        before.run();
    }

    public void after() {
        after.run();
    }

    /** @param revocations where revoked users and sessions are remembered for the sockets still to come */
    public static AccountChanges of(Envelope envelope, SubscriptionRegistry registry, Revocations revocations) {
        String[] parts = envelope.event().split("\\.");
        String project = envelope.project();
        JsonObject payload = envelope.payload();
        if (parts.length >= 5 && parts[0].equals("teams") && parts[2].equals("memberships")) {
            return membership(parts, project, payload, registry, revocations);
        }
        if (parts.length == 3 && parts[0].equals("teams") && parts[2].equals("delete")) {
            String team = parts[1];
            return after(() -> {
                revocations.deleteTeam(project, team);
                refreshAll(registry, project, identity -> identity.withoutTeam(team));
            });
        }
        if (parts.length >= 3 && parts[0].equals("users")) {
            return user(parts, project, payload, registry, revocations);
        }
        return new AccountChanges(() -> { }, () -> { });
    }

    private static AccountChanges membership(String[] parts, String project, JsonObject payload,
                                             SubscriptionRegistry registry, Revocations revocations) {
        String team = parts[1];
        String membershipId = parts[3];
        String userId = text(payload, "userId");
        if (userId == null || !Role.isName(team) || !Role.isName(membershipId)) {
            return new AccountChanges(() -> { }, () -> { });
        }
        if (parts[4].equals("delete")) {
            return after(() -> {
                revocations.loseTeam(project, userId, team);
                refresh(registry, project, userId, i -> i.withoutMembership(team, membershipId));
            });
        }
        Membership membership = new Membership(team, membershipId, strings(payload.get("roles")),
                payload.getBoolean("confirm", false));
        return before(() -> {
            if (membership.confirmed()) {
                revocations.regainTeam(project, userId, team);
            }
            refresh(registry, project, userId, i -> i.withMembership(membership));
        });
    }

    private static AccountChanges user(String[] parts, String project, JsonObject payload,
                                       SubscriptionRegistry registry, Revocations revocations) {
        String userId = parts[1];
        // each revocation is remembered before the open sockets are looked for: a socket signing in meanwhile is
        // either found here or refused by the memory
        if (parts.length == 3 && parts[2].equals("delete")) {
            return after(() -> {
                revocations.revokeUser(project, userId);
                revoke(registry, project, userId, null, DELETED);
            });
        }
        if (parts.length == 5 && parts[2].equals("sessions") && parts[4].equals("delete")) {
            String session = parts[3];
            return after(() -> {
                revocations.revokeSession(project, userId, session);
                revoke(registry, project, userId, session, SESSION_ENDED);
            });
        }
        if (parts.length < 4 || !parts[2].equals("update")) {
            return new AccountChanges(() -> { }, () -> { });
        }
        if (payload.get("status") == JsonValue.FALSE) {
            return after(() -> {
                revocations.revokeUser(project, userId);
                revoke(registry, project, userId, null, BLOCKED);
            });
        }
        if (payload.get("status") == JsonValue.TRUE) {
            revocations.restoreUser(project, userId);
        }
        UnaryOperator<Identity> change = userDocument(payload, project, userId, revocations);
        return change == null ? new AccountChanges(() -> { }, () -> { })
                : before(() -> refresh(registry, project, userId, change));
    }

    /**
     * The labels and verification of an updated user document, as far as the payload carries them; the memory
     * learns them first, so a credential issued before cannot give back what the update removed.
     */
    private static UnaryOperator<Identity> userDocument(JsonObject user, String project, String userId,
                                                        Revocations revocations) {
        boolean hasLabels = user.get("labels") != null && user.get("labels").getValueType() == JsonValue.ValueType.ARRAY;
        boolean hasVerification = user.containsKey("emailVerification") || user.containsKey("phoneVerification");
        if (!hasLabels && !hasVerification) {
            return null;
        }
        List<String> labels = strings(user.get("labels"));
        boolean verified = user.getBoolean("emailVerification", false) || user.getBoolean("phoneVerification", false);
        if (hasLabels) {
            revocations.labels(project, userId, labels);
        }
        if (hasVerification) {
            revocations.verification(project, userId, verified);
        }
        return identity -> {
            Identity changed = hasLabels ? identity.withLabels(labels) : identity;
            return hasVerification ? changed.withVerified(verified) : changed;
        };
    }

    /**
     * Live role refresh: recomputes the identity of every connection of that user in the project. Called on the
     * delivering thread, so no later event is matched against the old roles.
     */
    private static void refresh(SubscriptionRegistry registry, String project, String userId, UnaryOperator<Identity> change) {
        for (Connection connection : registry.table().connections()) {
            if (project.equals(connection.project()) && userId.equals(connection.identity().userId())) {
                registry.update(connection, userId, change);
            }
        }
    }

    /** As {@link #refresh}, for every user of the project (a team was deleted). */
    private static void refreshAll(SubscriptionRegistry registry, String project, UnaryOperator<Identity> change) {
        for (Connection connection : registry.table().connections()) {
            if (project.equals(connection.project()) && connection.identity().userId() != null) {
                registry.update(connection, null, change);
            }
        }
    }

    /**
     * Closes the user's connections (only those signed in with that session, when one is given) with an error frame
     * and 1008: the user was blocked or deleted, or the session ended.
     *
     * @return the number of connections closed
     */
    private static int revoke(SubscriptionRegistry registry, String project, String userId, String session, String reason) {
        int closed = 0;
        for (Connection connection : registry.table().connections()) {
            if (project.equals(connection.project()) && userId.equals(connection.identity().userId())
                    && (session == null || session.equals(connection.session()))) {
                connection.recipient().disconnect(reason);
                closed++;
            }
        }
        return closed;
    }

    private static AccountChanges before(Runnable change) {
        return new AccountChanges(change, () -> { });
    }

    private static AccountChanges after(Runnable change) {
        return new AccountChanges(() -> { }, change);
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    private static List<String> strings(JsonValue array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.getValueType() == JsonValue.ValueType.ARRAY) {
            array.asJsonArray().forEach(v -> {
                // a team role or label that could pose as another role is ignored
                if (v instanceof JsonString s && Role.isName(s.getString())) {
                    values.add(s.getString());
                }
            });
        }
        return values;
    }
}
