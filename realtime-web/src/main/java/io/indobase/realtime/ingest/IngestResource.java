package io.indobase.realtime.ingest;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.event.BrokerUnavailableException;
import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.event.EnvelopeReader;
import io.indobase.realtime.event.MalformedEnvelopeException;
import io.indobase.realtime.event.TopicPublisher;
import io.indobase.realtime.http.Problems;
import io.indobase.realtime.identity.ApiKey;
import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.identity.InvalidCredentialException;
import io.indobase.realtime.limit.Limits;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts one envelope (docs/envelope.md) and publishes it on the events topic. Every refusal is a problem
 * response: 401 without a valid key, 403 when the key may not ingest for the envelope's project (or the project is
 * one of the nodes' internal ones, starting with {@code _}), 413 over
 * {@code realtime.limits.ingest-max-bytes}, 429 over {@code realtime.limits.ingest-per-key-per-minute}, 400 for a
 * malformed envelope, 503 when the broker cannot be reached.
 */
@Path("events")
@RequestScoped
public class IngestResource {

    private static final Logger LOG = Logger.getLogger(IngestResource.class.getName());

    @Inject
    ApiKeyStore keys;

    @Inject
    Limits limits;

    @Inject
    TopicPublisher publisher;

    @POST
    public Response publish(@HeaderParam("X-Indobase-Key") String key, InputStream body) throws IOException {
        ApiKey apiKey;
        try {
            apiKey = keys.verify(key == null ? "" : key);
        } catch (InvalidCredentialException e) {
            return Problems.of(Response.Status.UNAUTHORIZED,
                    "An API key with the ingest scope is required in the X-Indobase-Key header: " + e.getMessage());
        }
        if (!limits.ingestAllowed(apiKey.name())) {
            LOG.log(Level.FINE, "RT-ING-003 key {0} is over its ingest rate", apiKey.name());
            return Problems.of(Response.Status.TOO_MANY_REQUESTS, "API key " + apiKey.name() + " may publish at most "
                    + limits.ingestPerKeyPerMinute() + " envelopes a minute (realtime.limits.ingest-per-key-per-minute); "
                    + "retry in the next minute.");
        }
        byte[] bytes = body.readNBytes(limits.ingestMaxBytes() + 1);
        if (bytes.length > limits.ingestMaxBytes()) {
            return Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "An envelope may have at most " + limits.ingestMaxBytes() + " bytes.");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Envelope envelope;
        try {
            envelope = EnvelopeReader.read(text, Instant.now());
        } catch (MalformedEnvelopeException e) {
            return Problems.of(Response.Status.BAD_REQUEST, "The envelope is not valid: " + e.getMessage());
        }
        if (envelope.project().startsWith("_")) {
            // _health, _presence…: messages between the nodes, which no producer may forge
            return Problems.of(Response.Status.FORBIDDEN, "Projects starting with '_' are internal to the realtime nodes.");
        }
        if (!apiKey.allows(ApiKey.INGEST, envelope.project())) {
            return Problems.of(Response.Status.FORBIDDEN,
                    "API key " + apiKey.name() + " may not ingest events for project " + envelope.project() + ".");
        }
        try {
            publisher.publish(text);
        } catch (BrokerUnavailableException e) {
            LOG.log(Level.WARNING, "RT-ING-002 ingest could not publish to the broker at {0}: {1}",
                    new Object[] {publisher.brokerAddress(), e.getMessage()});
            return Problems.of(Response.Status.SERVICE_UNAVAILABLE, "The event broker cannot be reached; retry later.");
        }
        LOG.log(Level.FINE, "RT-ING-001 key {0} published {1} for project {2}",
                new Object[] {apiKey.name(), envelope.event(), envelope.project()});
        return Response.accepted(JSON.createObjectBuilder().add("project", envelope.project())
                .add("event", envelope.event()).build().toString()).type(MediaType.APPLICATION_JSON).build();
    }
}
