package io.indobase.realtime.admin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The admin REST API; {@code web.xml} restricts it (and the admin page) to {@link #ROLE}. */
@ApplicationPath("v1/realtime/admin")
@DeclareRoles(AdminApplication.ROLE)
@OpenAPIDefinition(info = @Info(title = "indobase Realtime admin API", version = "1",
        description = "Connections, kicks and per-project figures of one realtime node."))
public class AdminApplication extends Application {

    public static final String ROLE = "realtime-admin";

    /** Only the admin resources: other APIs of the application have their own paths and authorisation. */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ConnectionsResource.class);
    }
}
