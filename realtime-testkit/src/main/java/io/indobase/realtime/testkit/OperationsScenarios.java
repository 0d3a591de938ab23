package io.indobase.realtime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What an operator relies on, checked against a running deployment: health, metrics, the MXBean (an attribute and
 * an operation) and the admin API, with one real WebSocket connection to look at.
 * <p>Run by {@code OperationsIT} (realtime-web, the WAR on Payara Micro) and {@code EarOnPayaraServerIT}
 * (realtime-system-test, the EAR on Payara Server).
 */
public final class OperationsScenarios {

    /** The admin account the tests configure: {@code java bin/AdminPassword.java admin it-admin-secret}. */
    public static final String ADMIN_USERS = "admin:210000:oaSuiimueSiV1bKTK1Fzbg==:4h2n8/Tl2RkRTCROIeqMKP8o3zp7kOENF3rfutTkASg=";
    static final String ADMIN_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("admin:it-admin-secret".getBytes(StandardCharsets.UTF_8));
    private static final String MXBEAN = "io.indobase.realtime:type=Realtime";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private OperationsScenarios() {
    }

    /**
     * @param app    the application's base URL (where {@code v1/realtime} lives)
     * @param server the server's root URL (where {@code health} and {@code metrics} live)
     * @param jmx    the server's JMX service URL
     */
    public static void operatorsSeeAndControlTheNode(URL app, URL server, String jmx) throws Exception {
        try (WsClient client = WsClient.connect(app, "project=ops&channels[]=files")) {
            client.next();
            EventPathScenarios.awaitEventPath(client, "ops");

            healthIsUp(server);
            metricsShowTheNode(server);
            String id = adminApiListsTheConnection(app);
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(jmx))) {
                MBeanServerConnection beans = connector.getMBeanServerConnection();
                ObjectName name = new ObjectName(MXBEAN);
                assertTrue((Integer) beans.getAttribute(name, "OpenConnections") >= 1);
                assertTrue((Long) beans.getAttribute(name, "EventsReceived") >= 1);
                assertEquals(Boolean.TRUE, beans.invoke(name, "disconnect", new Object[]{id}, new String[]{String.class.getName()}));
            }
            JsonObject error = client.next();
            assertEquals(1008, error.getJsonObject("data").getInt("code"), error.toString());
            assertEquals(1008, client.closeCode(10, TimeUnit.SECONDS));
        }
        adminApiKicksAndAnswersProblems(app);
    }

    private static void healthIsUp(URL server) throws Exception {
        for (String check : new String[]{"health/ready", "health/live", "health/started"}) {
            HttpResponse<String> response = get(server, check, null);
            assertEquals(200, response.statusCode(), check + ": " + response.body());
        }
        String ready = get(server, "health/ready", null).body();
        assertTrue(ready.contains("realtime-events-consumer"), "the application's own readiness check: " + ready);
    }

    private static void metricsShowTheNode(URL server) throws Exception {
        String metrics = get(server, "metrics?scope=application", null).body();
        for (String metric : new String[]{"realtime_connections", "realtime_events_received", "realtime_dropped"}) {
            assertTrue(metrics.contains(metric), metric + " missing from:\n" + metrics);
        }
        // the latency histogram's buckets: Micrometer's Prometheus registry (WildFly) drops the _bucket suffix of a gauge
        assertTrue(metrics.contains("realtime_delivery_latency_ms_bucket") || metrics.contains("realtime_delivery_latency_ms{"),
                "the delivery latency buckets missing from:\n" + metrics);
    }

    /** @return the id of the {@code ops} connection */
    private static String adminApiListsTheConnection(URL app) throws Exception {
        HttpResponse<String> anonymous = get(app, "v1/realtime/admin/connections", null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("www-authenticate").orElse("").startsWith("Basic"), anonymous.headers().toString());
        // BASIC only (ADR 0005): a valid token whose groups name the admin role is no admin login
        String token = "Bearer " + SecurityScenarios.TOKENS.token("mallory", java.util.List.of("realtime-admin"), null, 300);
        for (String path : new String[]{"v1/realtime/admin/connections", "admin/"}) {
            HttpResponse<String> bearer = get(app, path, token);
            assertEquals(401, bearer.statusCode(), path + " with a bearer token: " + bearer.body());
            assertTrue(bearer.headers().firstValue("www-authenticate").orElse("").startsWith("Basic"), bearer.headers().toString());
        }
        HttpResponse<String> response = get(app, "v1/realtime/admin/connections?project=ops", ADMIN_AUTH);
        assertEquals(200, response.statusCode(), response.body());
        JsonArray connections = Json.createReader(new StringReader(response.body())).readArray();
        assertEquals(1, connections.size(), response.body());
        JsonObject connection = connections.getJsonObject(0);
        assertEquals(JsonValue.ValueType.ARRAY, connection.get("roles").getValueType());
        assertTrue(connection.getJsonArray("subscriptions").getJsonObject(0).toString().contains("files"));
        String projects = get(app, "v1/realtime/admin/projects", ADMIN_AUTH).body();
        assertTrue(projects.contains("\"ops\""), projects);
        // both HTTP APIs at their own paths (WildFly's OpenAPI once put every resource under one of two applications)
        String openapi = get(new URL(app, "/"), "openapi", null).body();
        assertTrue(openapi.contains("/v1/realtime/admin/connections:") && openapi.contains("/v1/realtime/events:")
                && !openapi.contains("/v1/realtime/admin:") && !openapi.contains("/v1/realtime/events/"), openapi);
        return connection.getString("id");
    }

    private static void adminApiKicksAndAnswersProblems(URL app) throws Exception {
        try (WsClient client = WsClient.connect(app, "project=kick")) {
            client.next();
            String list = get(app, "v1/realtime/admin/connections?project=kick", ADMIN_AUTH).body();
            String id = Json.createReader(new StringReader(list)).readArray().getJsonObject(0).getString("id");
            assertEquals(204, delete(app, "v1/realtime/admin/connections/" + id).statusCode());
            assertEquals(1008, client.closeCode(10, TimeUnit.SECONDS));
        }
        HttpResponse<String> missing = delete(app, "v1/realtime/admin/connections/nope");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        String none = delete(app, "v1/realtime/admin/users/nobody/connections").body();
        assertEquals(0, Json.createReader(new StringReader(none)).readObject().getInt("disconnected"), none);
    }

    private static HttpResponse<String> get(URL base, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString() + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> delete(URL base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base.toString() + path)).DELETE()
                .header("Authorization", ADMIN_AUTH).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
