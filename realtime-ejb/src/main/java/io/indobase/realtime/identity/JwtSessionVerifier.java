package io.indobase.realtime.identity;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.permission.Identity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default verifier: a credential is a JWT checked with the MicroProfile JWT settings of the server
 * ({@code mp.jwt.verify.publickey} or {@code .location}, {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences},
 * {@code mp.jwt.verify.clock.skew}, 60 s by default) and the caller claim {@code realtime.identity.jwt-caller-claim}.
 * Without a key every credential is refused, and the clients stay guests.
 */
@ApplicationScoped
public class JwtSessionVerifier implements SessionVerifier {

    private static final Logger LOG = Logger.getLogger(JwtSessionVerifier.class.getName());

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "realtime.identity.jwt-caller-claim")
    String callerClaim;

    @Inject
    GroupRoles groupRoles;

    private JwtVerifier verifier;

    /** A bad key is reported when the application starts; the server then refuses every token. */
    @PostConstruct
    void load() {
        try {
            String text = publicKey.isPresent() ? publicKey.get()
                    : publicKeyLocation.isPresent() ? PublicKeys.read(publicKeyLocation.get(), getClass().getClassLoader())
                    : null;
            if (text == null) {
                LOG.info("RT-SEC-001 no mp.jwt.verify.publickey configured: tokens are refused, clients are guests");
                return;
            }
            Set<String> accepted = audiences.map(a -> Arrays.stream(a.split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
            verifier = new JwtVerifier(PublicKeys.parse(text),
                    new JwtRules(issuer.orElse(null), accepted, clockSkewSeconds, callerClaim), Clock.systemUTC());
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.SEVERE, "RT-SEC-002 the JWT verification key cannot be used, every token is refused: {0}",
                    e.getMessage());
        }
    }

    @Override
    public Account verify(String project, String credential) {
        return account(token(credential), groupRoles);
    }

    /** @throws InvalidCredentialException when the token is refused, or no key is configured */
    public Jwt token(String credential) {
        if (verifier == null) {
            throw new InvalidCredentialException("this server accepts no tokens (no verification key configured)");
        }
        return verifier.verify(credential);
    }

    /** The account of a verified token: its caller and groups mapped to roles, and its expiry and session. */
    static Account account(Jwt jwt, GroupRoles roles) {
        Identity identity;
        try {
            identity = roles.identity(jwt.caller(), jwt.groups());
        } catch (IllegalArgumentException e) {
            throw new InvalidCredentialException("the caller is not a valid user id");
        }
        JsonObjectBuilder model = JSON.createObjectBuilder().add("$id", identity.userId());
        for (String claim : new String[] {"name", "email"}) {
            String value = jwt.claims().getString(claim, null);
            if (value != null) {
                model.add(claim, value);
            }
        }
        model.add("labels", JSON.createArrayBuilder(identity.labels()));
        return new Account(identity, model.build(), jwt.expiresAt(), jwt.sessionId(), jwt.issuedAt());
    }
}
