package io.indobase.realtime.testkit;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls against a deployment, for the tests of its HTTP APIs. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A response: status, content type and body. */
    public record Reply(int status, String contentType, String body) {
    }

    private Http() {
    }

    /** @param headers name, value, name, value… */
    public static Reply post(URL base, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(base, path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, headers);
    }

    /** @param headers name, value, name, value… */
    public static Reply get(URL base, String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(resolve(base, path)).timeout(Duration.ofSeconds(15)).GET(), headers);
    }

    private static Reply send(HttpRequest.Builder request, String... headers) throws Exception {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static URI resolve(URL base, String path) {
        String root = base.toString();
        return URI.create(root + (root.endsWith("/") ? "" : "/") + path);
    }
}
