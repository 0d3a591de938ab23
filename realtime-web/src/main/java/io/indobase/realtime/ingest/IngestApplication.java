package io.indobase.realtime.ingest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** {@code POST /v1/realtime/events}; authorised by API key, not by the container. */
@ApplicationPath("v1/realtime/events")
public class IngestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(IngestResource.class);
    }
}
