package io.indobase.realtime.subscription;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry's open connections by id, with per-project counts, and what operators and metrics may see and do
 * with them. Per-project entries go when their last connection closes: project names come from clients.
 */
public final class ConnectionTable {

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perProject = new ConcurrentHashMap<>();

    void add(Connection connection) {
        connections.put(connection.id(), connection);
        perProject.compute(connection.project(), (p, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            c.incrementAndGet();
            return c;
        });
    }

    void remove(Connection connection) {
        if (connections.remove(connection.id()) != null) {
            perProject.computeIfPresent(connection.project(), (p, count) -> count.decrementAndGet() == 0 ? null : count);
        }
    }

    public int connectionCount() {
        return connections.size();
    }

    public long subscriptionCount() {
        long count = 0;
        for (Connection connection : connections.values()) {
            count += connection.subscriptions().size();
        }
        return count;
    }

    /** Open connections of the projects that have some. */
    public Map<String, Integer> connectionsByProject() {
        Map<String, Integer> byProject = new HashMap<>();
        perProject.forEach((project, count) -> byProject.put(project, count.get()));
        return byProject;
    }

    /** Open connections of one project, without copying anything. */
    public int connectionCount(String project) {
        AtomicInteger count = perProject.get(project);
        return count == null ? 0 : count.get();
    }

    /** A snapshot of the open connections, for operators. */
    public List<Connection> connections() {
        return List.copyOf(connections.values());
    }

    /**
     * Closes a connection on an operator's request; the client gets an {@code error} frame with the reason first.
     *
     * @return whether such a connection was open
     */
    public boolean disconnect(String connectionId, String reason) {
        Connection connection = connections.get(connectionId);
        if (connection == null) {
            return false;
        }
        connection.recipient().disconnect(reason);
        return true;
    }

    /** @return the number of connections of that user that were closed */
    public int disconnectUser(String userId, String reason) {
        int closed = 0;
        for (Connection connection : connections.values()) {
            if (userId.equals(connection.identity().userId())) {
                connection.recipient().disconnect(reason);
                closed++;
            }
        }
        return closed;
    }
}
