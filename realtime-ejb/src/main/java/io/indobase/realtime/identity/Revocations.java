package io.indobase.realtime.identity;

import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What events took away, remembered for {@code realtime.identity.revocation-ttl-ms} so that a credential issued
 * before cannot give it back while it is still valid: users blocked or deleted and sessions ended (refused outright),
 * and lost roles — a membership or a team deleted, labels removed, verification lost — withheld from credentials
 * issued before the loss (or of unknown age) until an event gives them back or a credential issued later says so.
 * Closing and refreshing open sockets is the registry's part; this is the memory for the sockets to come.
 *
 * <p>One memory per project, each bounded by {@code realtime.identity.revocations-per-project} (the oldest go first,
 * counted by {@link #evicted()}), so no project's producers can push another project's revocations out.
 */
@ApplicationScoped
public class Revocations {

    @Inject
    @ConfigProperty(name = "realtime.identity.revocation-ttl-ms")
    long ttlMillis = 86_400_000;

    @Inject
    @ConfigProperty(name = "realtime.identity.revocations-per-project")
    int perProject = 10_000;

    private final Map<String, Marks> projects = new ConcurrentHashMap<>();
    private final LongAdder evicted = new LongAdder();
    private final LongSupplier clock;

    public Revocations() {
        this.clock = System::currentTimeMillis;
    }

    Revocations(long ttlMillis, int perProject, LongSupplier clock) {
        this.ttlMillis = ttlMillis;
        this.perProject = perProject;
        this.clock = clock;
    }

    public void revokeUser(String project, String user) {
        put(project, "u\0" + user, true, null);
    }

    /** The user was unblocked: credentials issued to them are good again. */
    public void restoreUser(String project, String user) {
        Marks marks = projects.get(project);
        if (marks != null) {
            marks.remove("u\0" + user);
        }
    }

    public void revokeSession(String project, String user, String session) {
        put(project, "s\0" + user + '\0' + session, true, null);
    }

    /** @param session the credential's session, or null when it names none */
    public boolean isRevoked(String project, String user, String session) {
        Marks marks = user == null ? null : projects.get(project);
        if (marks == null) {
            return false;
        }
        long now = clock.getAsLong();
        return marks.get("u\0" + user, now) != null
                || session != null && marks.get("s\0" + user + '\0' + session, now) != null;
    }

    /** The user's membership of the team was deleted. */
    public void loseTeam(String project, String user, String team) {
        put(project, "t\0" + user + '\0' + team, true, null);
    }

    /** A membership of the team was created or confirmed for the user: the team is theirs again. */
    public void regainTeam(String project, String user, String team) {
        Marks marks = projects.get(project);
        if (marks != null && (marks.get("t\0" + user + '\0' + team, clock.getAsLong()) != null
                || marks.get("T\0" + team, clock.getAsLong()) != null)) {
            put(project, "t\0" + user + '\0' + team, false, null);
        }
    }

    /** The team was deleted: nobody of the project is its member any more. */
    public void deleteTeam(String project, String team) {
        put(project, "T\0" + team, true, null);
    }

    /** The user's labels, as an update of their document gives them: any other label was removed. */
    public void labels(String project, String user, Collection<String> labels) {
        put(project, "l\0" + user, true, Set.copyOf(labels));
    }

    /** The user's verification, as an update of their document gives it. */
    public void verification(String project, String user, boolean verified) {
        if (verified) {
            Marks marks = projects.get(project);
            if (marks != null) {
                marks.remove("v\0" + user);
            }
        } else {
            put(project, "v\0" + user, true, null);
        }
    }

    /**
     * The identity a credential gives, less what events took away since it was issued.
     *
     * @param issuedAt when the credential was issued (a JWT's {@code iat}), or null when unknown: then every loss
     *                 still remembered applies
     */
    public Identity current(String project, Identity identity, Instant issuedAt) {
        Marks marks = identity.userId() == null ? null : projects.get(project);
        if (marks == null || marks.size() == 0) {
            return identity;
        }
        long now = clock.getAsLong();
        String user = identity.userId();
        Identity current = identity;
        List<Membership> kept = new ArrayList<>(identity.memberships().size());
        for (Membership membership : identity.memberships()) {
            if (!teamLost(marks, user, membership.teamId(), now, issuedAt)) {
                kept.add(membership);
            }
        }
        if (kept.size() != identity.memberships().size()) {
            current = new Identity(user, identity.verified(), kept, identity.labels(), identity.apiKey());
        }
        Marks.Mark labels = marks.get("l\0" + user, now);
        if (labels != null && before(issuedAt, labels)) {
            current = current.withLabels(current.labels().stream().filter(labels.labels()::contains).toList());
        }
        Marks.Mark unverified = marks.get("v\0" + user, now);
        if (unverified != null && before(issuedAt, unverified)) {
            current = current.withVerified(false);
        }
        return current;
    }

    /** Entries forgotten because a project's memory was full: a project publishing too many revocations. */
    public long evicted() {
        return evicted.sum();
    }

    private boolean teamLost(Marks marks, String user, String team, long now, Instant issuedAt) {
        Marks.Mark own = marks.get("t\0" + user + '\0' + team, now);
        Marks.Mark deleted = marks.get("T\0" + team, now);
        if (own != null && !own.lost() && (deleted == null || own.at() >= deleted.at())) {
            return false; // a membership given after the loss
        }
        Marks.Mark loss = own != null && own.lost() && (deleted == null || own.at() >= deleted.at()) ? own : deleted;
        return loss != null && before(issuedAt, loss);
    }

    /** Whether a credential issued then predates the mark; a JWT's iat has seconds: the same second counts as before. */
    private static boolean before(Instant issuedAt, Marks.Mark mark) {
        return issuedAt == null || issuedAt.getEpochSecond() <= mark.at() / 1000;
    }

    private void put(String project, String key, boolean lost, Set<String> labels) {
        projects.computeIfAbsent(project, p -> new Marks(perProject, evicted))
                .put(key, clock.getAsLong(), ttlMillis, lost, labels);
    }
}
