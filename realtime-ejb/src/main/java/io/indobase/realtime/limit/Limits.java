package io.indobase.realtime.limit;

import io.indobase.realtime.subscription.Subscription;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's abuse limits, read once at start from MicroProfile Config (docs/security.md lists them). The per-address
 * limits count the client's address ({@link #clientAddress}), an IPv6 client by its /64.
 */
@ApplicationScoped
public class Limits {

    private static final long MINUTE = 60_000;
    /** Appwrite's words for a connection over the rate. */
    static final String TOO_MANY_REQUESTS = "Too many requests";

    @Inject
    @ConfigProperty(name = "realtime.security.origins")
    String origins;

    @Inject
    @ConfigProperty(name = "realtime.security.trusted-proxies")
    String trustedProxies;

    @Inject
    @ConfigProperty(name = "realtime.security.sockets-per-address")
    int socketsPerAddress;

    @Inject
    @ConfigProperty(name = "realtime.security.sockets-per-project")
    int socketsPerProject;

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
    private TrustedProxies proxies;
    private SocketCaps sockets;
    private RateWindow connectionRate;
    private RateWindow failedLogins;
    private RateWindow ingestRate;

    @PostConstruct
    void start() {
        originPolicy = new OriginPolicy(origins);
        proxies = new TrustedProxies(trustedProxies);
        sockets = new SocketCaps(socketsPerAddress, socketsPerProject);
        connectionRate = new RateWindow(connectionsPerIp, MINUTE, System::currentTimeMillis);
        failedLogins = new RateWindow(failedLoginsPerIp, MINUTE, System::currentTimeMillis);
        ingestRate = new RateWindow(ingestPerKey, MINUTE, System::currentTimeMillis);
    }

    /**
     * @param peer         the TCP peer's address
     * @param forwardedFor the request's {@code X-Forwarded-For} lines, read only when the peer is a trusted proxy
     * @return the client's address: the peer's, or behind trusted proxies the right-most address that is not one
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        return proxies.client(peer, forwardedFor);
    }

    /**
     * Whether the address has failed too many logins this minute: it is refused before its credentials are checked,
     * valid or not (else the limit would not slow a guesser down).
     */
    public boolean loginsExhausted(String address) {
        return failedLogins.exhausted(ClientAddress.key(address));
    }

    public void loginFailed(String address) {
        failedLogins.tryAcquire(ClientAddress.key(address));
    }

    public boolean originAllowed(String project, String origin, String host) {
        return originPolicy.allows(project, origin, host);
    }

    public boolean connectionAllowed(String address) {
        return address == null || connectionRate.tryAcquire(ClientAddress.key(address));
    }

    /**
     * Counts a new socket against its address's connection rate, then gives it a place under the caps on simultaneous
     * sockets per address and per project, which the socket gives back when it closes.
     *
     * @param address the client's address, or null when unknown (only the project's cap applies)
     * @return the place, or a refused one saying why ({@code Too many requests} for the rate)
     */
    public SocketCaps.Slot admitSocket(String project, String address) {
        if (!connectionAllowed(address)) {
            return SocketCaps.Slot.refused(TOO_MANY_REQUESTS);
        }
        return sockets.open(project, address == null ? null : ClientAddress.key(address));
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
        return configured(Map.of());
    }

    /** The defaults of microprofile-config.properties with some keys changed, for tests and tools. */
    public static Limits configured(Map<String, String> changed) {
        Properties settings = new Properties();
        try (InputStream in = Limits.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.putAll(changed);
        Limits limits = new Limits();
        limits.origins = settings.getProperty("realtime.security.origins");
        limits.trustedProxies = settings.getProperty("realtime.security.trusted-proxies");
        limits.socketsPerAddress = number(settings, "realtime.security.sockets-per-address");
        limits.socketsPerProject = number(settings, "realtime.security.sockets-per-project");
        limits.connectionsPerIp = number(settings, "realtime.limits.connections-per-ip-per-minute");
        limits.failedLoginsPerIp = number(settings, "realtime.limits.failed-logins-per-ip-per-minute");
        limits.messagesPerConnection = number(settings, "realtime.limits.messages-per-connection-per-minute");
        limits.maxFrameBytes = number(settings, "realtime.limits.max-frame-bytes");
        limits.subscriptions = number(settings, "realtime.limits.subscriptions-per-connection");
        limits.channels = number(settings, "realtime.limits.channels-per-connection");
        limits.queries = number(settings, "realtime.limits.queries-per-connection");
        limits.ingestBytes = number(settings, "realtime.limits.ingest-max-bytes");
        limits.ingestPerKey = number(settings, "realtime.limits.ingest-per-key-per-minute");
        limits.start();
        return limits;
    }

    private static int number(Properties settings, String key) {
        return Integer.parseInt(settings.getProperty(key).trim());
    }
}
