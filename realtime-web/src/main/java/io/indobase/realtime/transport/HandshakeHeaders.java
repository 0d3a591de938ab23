package io.indobase.realtime.transport;

import io.indobase.realtime.security.CallerGroups;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps what the upgrade request says for the session ({@link Handshake}): WebSocket 2.1 gives each session a copy of
 * the endpoint configuration's user properties as they are when {@code modifyHandshake} returns. It runs on the
 * request's thread, where the container's security context still knows the caller.
 */
public class HandshakeHeaders extends ServerEndpointConfig.Configurator {

    private static final String KEY = Handshake.class.getName();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, List<String>> headers = new TreeMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        Principal caller = request.getUserPrincipal();
        List<String> groups = caller == null ? List.of() : CallerGroups.current(caller);
        config.getUserProperties().put(KEY, Handshake.of(headers, caller, groups));
    }

    /**
     * One endpoint instance for every session, the application-scoped CDI bean: the endpoint keeps nothing of its own
     * (each session's state is in its user properties), and letting the container build and inject an instance per
     * connection was most of a handshake's CPU (ADR 0009).
     */
    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != RealtimeEndpoint.class) {
            return super.getEndpointInstance(endpointClass);
        }
        RealtimeEndpoint endpoint = shared;
        if (endpoint == null) {
            endpoint = CDI.current().select(RealtimeEndpoint.class).get();
            shared = endpoint;
        }
        return endpointClass.cast(endpoint);
    }

    private static volatile RealtimeEndpoint shared;

    static Handshake of(Map<String, Object> sessionProperties) {
        Handshake handshake = (Handshake) sessionProperties.get(KEY);
        return handshake == null ? Handshake.NONE : handshake;
    }
}
