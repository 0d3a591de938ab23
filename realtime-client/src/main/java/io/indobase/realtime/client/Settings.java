package io.indobase.realtime.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/** A {@link RealtimeClient}'s configuration, checked once when it is built. */
record Settings(URI endpoint, String project, Credentials credentials, Backoff backoff, Heartbeat heartbeat,
                Duration connectTimeout, int queueCapacity, ConnectionListener listener, HttpClient http) {

    /** Appwrite's project ids, as the server checks them. */
    private static final Pattern PROJECT = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}");

    Settings {
        Objects.requireNonNull(endpoint, "endpoint (e.g. http://localhost:8080/v1)");
        Protocol.socketUri(endpoint, "p", null);
        if (project == null || !PROJECT.matcher(project).matches()) {
            throw new IllegalArgumentException("a project id is required: up to 36 of a-z A-Z 0-9 . - _, got " + project);
        }
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the listener queue needs room for at least one event, got " + queueCapacity);
        }
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(http, "http");
    }
}
