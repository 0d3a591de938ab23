package io.indobase.realtime.api;

import io.indobase.realtime.admin.ConnectionsResource;
import io.indobase.realtime.ingest.IngestResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The application's one JAX-RS application: the admin API ({@code admin}, {@code web.xml} restricts it to
 * {@link ConnectionsResource#ROLE}) and the ingest ({@code events}, authorised by API key). One application, not one
 * per API: WildFly's OpenAPI (SmallRye) puts every resource of a module under a single application path, picked
 * anew at each deployment, so two applications gave it a wrong document at {@code /openapi}.
 */
@ApplicationPath("v1/realtime")
@DeclareRoles(ConnectionsResource.ROLE)
@OpenAPIDefinition(info = @Info(title = "indobase Realtime HTTP API", version = "1",
        description = "The admin API (connections, kicks and per-project figures of one realtime node) and the "
                + "event ingest."))
public class RealtimeApi extends Application {

    /** Only these resources: the WebSocket endpoint at the same path is not JAX-RS's. */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ConnectionsResource.class, IngestResource.class);
    }
}
