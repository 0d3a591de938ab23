package io.indobase.realtime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The per-address limits behind a reverse proxy, against a server that trusts its loopback peer as a proxy
 * ({@code realtime.security.trusted-proxies=127.0.0.1}) and caps sockets at {@value #PER_ADDRESS} per client address
 * and {@value #PER_PROJECT} per project: each client is the address the proxy appended to {@code X-Forwarded-For}.
 * The requests go to the server's loopback address, so that their peer is the trusted one whatever address the
 * deployment's URL names.
 * <p>Run by {@code OperationsIT} (realtime-web, the WAR on Payara Micro, configured in arquillian.xml).
 */
public final class ProxyLimitScenarios {

    public static final int PER_ADDRESS = 3;
    public static final int PER_PROJECT = 8;
    private static final String ADMIN = "v1/realtime/admin/connections";
    private static final String XFF = "X-Forwarded-For";

    private ProxyLimitScenarios() {
    }

    /**
     * A client guessing admin passwords is locked out (429), valid password or not; the admin, another client of
     * the same proxy, is not. A client cannot escape by putting addresses of its own in front of the header.
     */
    public static void failedLoginsLockOutTheGuesserOnly(URL deployment) throws Exception {
        URL app = throughLoopback(deployment);
        String wrong = SecurityScenarios.basic("admin", "guess");
        for (int i = 0; i < 20; i++) {
            assertEquals(401, Http.get(app, ADMIN, "Authorization", wrong, XFF, "203.0.113.7").status());
        }
        assertEquals(429, Http.get(app, ADMIN, "Authorization", wrong, XFF, "203.0.113.7").status());
        assertEquals(429, Http.get(app, ADMIN, "Authorization", wrong, XFF, "192.0.2.99, 203.0.113.7").status(),
                "the right-most address the trusted proxy appended is the client");
        assertEquals(429, Http.get(app, ADMIN, "Authorization", OperationsScenarios.ADMIN_AUTH, XFF, "203.0.113.7").status(),
                "a locked-out address is refused before any password is checked");
        assertEquals(200, Http.get(app, ADMIN, "Authorization", OperationsScenarios.ADMIN_AUTH, XFF, "198.51.100.20").status());
        assertEquals(200, Http.get(app, ADMIN, "Authorization", OperationsScenarios.ADMIN_AUTH).status());
    }

    /**
     * The {@value #PER_ADDRESS}+1st simultaneous socket of a client and the {@value #PER_PROJECT}+1st of a project get
     * error 1013 and close 1013; other projects are not affected, and a closed socket frees its place.
     */
    public static void socketsAreCappedPerClientAndPerProject(URL deployment) throws Exception {
        URL app = throughLoopback(deployment);
        List<WsClient> open = new ArrayList<>();
        try {
            for (String client : List.of("198.51.100.1", "198.51.100.2")) {
                for (int i = 0; i < PER_ADDRESS; i++) {
                    open.add(connected(app, "crowd", client));
                }
            }
            refused(app, "crowd", "198.51.100.1", "Too many connections from this address.");
            open.add(connected(app, "crowd", "198.51.100.3"));
            open.add(connected(app, "crowd", "198.51.100.3"));
            refused(app, "crowd", "198.51.100.4", "Too many connections to this project.");
            connected(app, "quiet", "198.51.100.4").close();
            assertEquals(1000, open.remove(0).closeAndAwait(10, TimeUnit.SECONDS));
            open.add(connected(app, "crowd", "198.51.100.4"));
        } finally {
            open.forEach(WsClient::close);
        }
    }

    private static URL throughLoopback(URL deployment) throws Exception {
        return new URL(deployment.getProtocol(), "127.0.0.1", deployment.getPort(), deployment.getFile());
    }

    private static WsClient connected(URL app, String project, String client) throws Exception {
        WsClient socket = WsClient.connect(app, "project=" + project + "&channels[]=files", XFF, client);
        JsonObject first = socket.next();
        assertEquals("connected", first.getString("type"), client + " on " + project + ": " + first);
        return socket;
    }

    private static void refused(URL app, String project, String client, String message) throws Exception {
        try (WsClient socket = WsClient.connect(app, "project=" + project + "&channels[]=files", XFF, client)) {
            JsonObject frame = socket.next();
            assertEquals("error", frame.getString("type"), client + " on " + project + " is refused: " + frame);
            JsonObject error = frame.getJsonObject("data");
            assertEquals(1013, error.getInt("code"), error.toString());
            assertEquals(message, error.getString("message"));
            assertEquals(1013, socket.closeCode(10, TimeUnit.SECONDS));
        }
    }
}
