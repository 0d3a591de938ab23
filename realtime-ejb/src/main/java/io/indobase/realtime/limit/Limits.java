package io.indobase.realtime.limit;

import io.indobase.realtime.subscription.Subscription;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This node's abuse limits, read once at start from MicroProfile Config (docs/security.md lists them). */
@ApplicationScoped
public class Limits {

    private static final long MINUTE = 60_000;

    @Inject
    @ConfigProperty(name = "realtime.security.origins")
    String origins;

    @Inject
    @ConfigProperty(name = "realtime.limits.connections-per-ip-per-minute")
    int connectionsPerIp;

    @Inject
    @ConfigProperty(name = "realtime.limits.failed-logins-per-ip-per-minute")
    int failedLoginsPerIp;

    @Inject
    @ConfigProperty(name = "realtime.limits.messages-per-connection-per-minute")
    int messagesPerConnection;

    @Inject
    @ConfigProperty(name = "realtime.limits.max-frame-bytes")
    int maxFrameBytes;

    @Inject
    @ConfigProperty(name = "realtime.limits.subscriptions-per-connection")
    int subscriptions;

    @Inject
    @ConfigProperty(name = "realtime.limits.channels-per-connection")
    int channels;

    @Inject
    @ConfigProperty(name = "realtime.limits.queries-per-connection")
    int queries;

    @Inject
    @ConfigProperty(name = "realtime.limits.ingest-max-bytes")
    int ingestBytes;

    @Inject
    @ConfigProperty(name = "realtime.limits.ingest-per-key-per-minute")
    int ingestPerKey;

    private OriginPolicy originPolicy;
    private RateWindow connectionRate;
    private RateWindow failedLogins;
    private RateWindow ingestRate;

    @PostConstruct
    void start() {
        originPolicy = new OriginPolicy(origins);
        connectionRate = new RateWindow(connectionsPerIp, MINUTE, System::currentTimeMillis);
        failedLogins = new RateWindow(failedLoginsPerIp, MINUTE, System::currentTimeMillis);
        ingestRate = new RateWindow(ingestPerKey, MINUTE, System::currentTimeMillis);
    }

    /** Whether the address has failed too many logins this minute: it is refused before its credentials are checked. */
    public boolean loginsExhausted(String address) {
        return failedLogins.exhausted(address);
    }

    public void loginFailed(String address) {
        failedLogins.tryAcquire(address);
    }

    public boolean originAllowed(String project, String origin, String host) {
        return originPolicy.allows(project, origin, host);
    }

    public boolean connectionAllowed(String address) {
        return address == null || connectionRate.tryAcquire(address);
    }

    public MessageBudget messageBudget() {
        return new MessageBudget(messagesPerConnection, MINUTE, System::currentTimeMillis);
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    public int maxSubscriptions() {
        return subscriptions;
    }

    public int maxChannels() {
        return channels;
    }

    public int maxQueries() {
        return queries;
    }

    public int ingestMaxBytes() {
        return ingestBytes;
    }

    /** Whether the ingest key may publish one more envelope this minute. */
    public boolean ingestAllowed(String keyName) {
        return ingestRate.tryAcquire(keyName);
    }

    public int ingestPerKeyPerMinute() {
        return ingestPerKey;
    }

    /**
     * @param subscriptions what a connection's subscriptions would be after a change: channels and query counts by id
     * @return why that is over a cap, or null when it is within them all
     */
    public String overCap(Map<String, Subscription> subscriptions) {
        if (subscriptions.size() > this.subscriptions) {
            return "Too many subscriptions: at most " + this.subscriptions + " per connection.";
        }
        Set<String> distinct = new HashSet<>();
        int queryCount = 0;
        for (Subscription subscription : subscriptions.values()) {
            distinct.addAll(subscription.channels());
            queryCount += subscription.queries().size();
        }
        if (distinct.size() > channels) {
            return "Too many channels: at most " + channels + " per connection.";
        }
        return queryCount > queries ? "Too many queries: at most " + queries + " per connection." : null;
    }

    /** The defaults of microprofile-config.properties, for tests and tools outside a container. */
    public static Limits defaults() {
        Limits limits = new Limits();
        limits.origins = "same-origin";
        limits.connectionsPerIp = 128;
        limits.failedLoginsPerIp = 20;
        limits.messagesPerConnection = 32;
        limits.maxFrameBytes = 64_000;
        limits.subscriptions = 100;
        limits.channels = 500;
        limits.queries = 500;
        limits.ingestBytes = 65_536;
        limits.ingestPerKey = 6_000;
        limits.start();
        return limits;
    }
}
