package io.indobase.realtime.client;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Publishes envelopes with an API key of the {@code ingest} scope: {@code POST <endpoint>/realtime/events}, which the
 * server puts on the events topic as a JMS producer would. Thread-safe; one instance per endpoint and key.
 *
 * <pre>{@code
 * RealtimePublisher publisher = RealtimePublisher.create(URI.create("http://localhost:8080/v1"), ingestKey);
 * publisher.publish(Envelope.of("demo", "buckets.photos.files.f1.create", payload, "any"));
 * }</pre>
 */
public final class RealtimePublisher {

    private final URI events;
    private final String key;
    private final HttpClient http;
    private final Duration timeout;

    private RealtimePublisher(URI endpoint, String key, HttpClient http, Duration timeout) {
        this.events = URI.create(Objects.requireNonNull(endpoint, "endpoint").toString().replaceAll("/+$", "") + "/realtime/events");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an API key with the ingest scope is required");
        }
        this.key = key;
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** @param endpoint the API's base URL, e.g. {@code http://localhost:8080/v1} */
    public static RealtimePublisher create(URI endpoint, String ingestKey) {
        Duration timeout = Duration.ofSeconds(10);
        return new RealtimePublisher(endpoint, ingestKey, HttpClient.newBuilder().connectTimeout(timeout).build(), timeout);
    }

    public static RealtimePublisher create(URI endpoint, String ingestKey, HttpClient http, Duration timeout) {
        return new RealtimePublisher(endpoint, ingestKey, http, timeout);
    }

    /**
     * Publishes and returns once the server has handed the envelope to the broker (202).
     *
     * @throws PublishException when the server refuses it or cannot be reached
     */
    public void publish(Envelope envelope) {
        HttpRequest request = HttpRequest.newBuilder(events).timeout(timeout)
                .header("X-Indobase-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope.toJson())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PublishException("the server at " + events + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing", e);
        }
        if (response.statusCode() != 202) {
            throw new PublishException(response.statusCode(), detail(response));
        }
    }

    /** The problem's {@code detail}, or the body as it came. */
    private static String detail(HttpResponse<String> response) {
        try {
            JsonObject problem = Protocol.JSON.createReader(new StringReader(response.body())).readObject();
            return problem.getString("detail", response.body());
        } catch (JsonException | ClassCastException e) {
            return "HTTP " + response.statusCode() + ": " + response.body();
        }
    }
}
