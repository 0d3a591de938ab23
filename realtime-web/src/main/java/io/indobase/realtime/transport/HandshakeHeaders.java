package io.indobase.realtime.transport;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the handshake's HTTP headers for the session: WebSocket 2.1 gives each session a copy of the endpoint
 * configuration's user properties as they are when {@code modifyHandshake} returns.
 */
public class HandshakeHeaders extends ServerEndpointConfig.Configurator {

    private static final String KEY = HandshakeHeaders.class.getName();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, List<String>> headers = new TreeMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        config.getUserProperties().put(KEY, headers);
    }

    /** @return the first value of a header (name in any case), or null */
    @SuppressWarnings("unchecked")
    static String first(Map<String, Object> sessionProperties, String name) {
        Map<String, List<String>> headers = (Map<String, List<String>>) sessionProperties.get(KEY);
        List<String> values = headers == null ? null : headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
