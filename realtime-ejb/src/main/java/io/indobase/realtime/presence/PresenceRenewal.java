package io.indobase.realtime.presence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every {@code realtime.presence.renew-ms}: this node renews its presences and lets lapsed ones go. */
@Singleton
@Startup
public class PresenceRenewal {

    private static final Logger LOG = Logger.getLogger(PresenceRenewal.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Presences presences;

    @Inject
    @ConfigProperty(name = "realtime.presence.renew-ms")
    long renewMillis;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(renewMillis, renewMillis, new TimerConfig("presence renewal", false));
    }

    @Timeout
    void tick() {
        try {
            presences.renewAndExpire();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RT-PRS-005 presence renewal failed; the next one runs as planned", e);
        }
    }
}
