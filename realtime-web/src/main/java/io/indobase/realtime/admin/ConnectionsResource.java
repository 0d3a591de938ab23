package io.indobase.realtime.admin;

import io.indobase.realtime.http.Problems;
import io.indobase.realtime.monitoring.RealtimeMonitor;
import io.indobase.realtime.subscription.Connection;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** What an operator sees of this node's connections and may do about them. */
@Path("admin")
@RequestScoped
@RolesAllowed(ConnectionsResource.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionsResource {

    /** Who may use the admin API and page ({@code web.xml}); {@link AdminIdentityStore}'s accounts have it. */
    public static final String ROLE = "realtime-admin";

    private static final Logger LOG = Logger.getLogger(ConnectionsResource.class.getName());

    @Inject
    SubscriptionRegistry registry;

    /** One connection as the API shows it. */
    public record ConnectionView(String id, String project, String userId, List<String> roles,
                                 List<SubscriptionView> subscriptions) {
    }

    public record SubscriptionView(String id, List<String> channels, List<String> queries) {
    }

    public record ProjectView(String project, int connections, long subscriptions) {
    }

    @GET
    @Path("connections")
    @Operation(summary = "The open connections, optionally of one project, with their roles and subscriptions")
    public List<ConnectionView> connections(@QueryParam("project") String project) {
        return registry.table().connections().stream()
                .filter(c -> project == null || project.equals(c.project()))
                .sorted(Comparator.comparing(Connection::project).thenComparing(Connection::id))
                .map(ConnectionsResource::view).toList();
    }

    @DELETE
    @Path("connections/{id}")
    @Operation(summary = "Closes a connection: the client gets an error frame, then close code 1008")
    @APIResponse(responseCode = "204", description = "closed")
    @APIResponse(responseCode = "404", description = "no such connection on this node")
    public Response kick(@PathParam("id") String id) {
        if (!registry.table().disconnect(id, RealtimeMonitor.OPERATOR_REASON)) {
            return Problems.notFound("No open connection " + id + " on this node");
        }
        LOG.log(Level.INFO, "RT-ADM-001 operator closed connection {0}", id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("users/{userId}/connections")
    @Operation(summary = "Closes every connection of a user on this node")
    public Map<String, Integer> kickUser(@PathParam("userId") String userId) {
        int closed = registry.table().disconnectUser(userId, RealtimeMonitor.OPERATOR_REASON);
        LOG.log(Level.INFO, "RT-ADM-001 operator closed {0} connection(s) of user {1}", new Object[]{closed, userId});
        return Map.of("disconnected", closed);
    }

    @GET
    @Path("projects")
    @Operation(summary = "Connections and subscriptions per project")
    public List<ProjectView> projects() {
        Map<String, long[]> byProject = new TreeMap<>();
        for (Connection c : registry.table().connections()) {
            long[] counts = byProject.computeIfAbsent(c.project(), p -> new long[2]);
            counts[0]++;
            counts[1] += c.subscriptions().size();
        }
        return byProject.entrySet().stream()
                .map(e -> new ProjectView(e.getKey(), (int) e.getValue()[0], e.getValue()[1])).toList();
    }

    private static ConnectionView view(Connection c) {
        List<SubscriptionView> subscriptions = c.subscriptions().entrySet().stream()
                .map(e -> new SubscriptionView(e.getKey(), List.copyOf(e.getValue().channels()), e.getValue().queries()))
                .toList();
        return new ConnectionView(c.id(), c.project(), c.identity().userId(), c.roles().stream().sorted().toList(),
                subscriptions);
    }
}
