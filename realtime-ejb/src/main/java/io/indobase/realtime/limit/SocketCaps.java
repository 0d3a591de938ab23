package io.indobase.realtime.limit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Simultaneous sockets per client address and per project ({@code realtime.security.sockets-per-address},
 * {@code realtime.security.sockets-per-project}): one address or one tenant cannot take the node's sockets from the
 * others. A socket holds a {@link Slot} from its handshake until it closes; only addresses and projects with open
 * sockets are kept.
 */
public final class SocketCaps {

    static final String PER_ADDRESS = "Too many connections from this address.";
    static final String PER_PROJECT = "Too many connections to this project.";

    private final int perAddress;
    private final int perProject;
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> byProject = new ConcurrentHashMap<>();

    public SocketCaps(int perAddress, int perProject) {
        if (perAddress < 1 || perProject < 1) {
            throw new IllegalArgumentException("socket caps must be at least 1");
        }
        this.perAddress = perAddress;
        this.perProject = perProject;
    }

    /**
     * @param addressKey the client's address as the limits count it, or null when unknown (then only the project's
     *                   cap applies)
     */
    Slot open(String project, String addressKey) {
        if (addressKey != null && !take(byAddress, addressKey, perAddress)) {
            return Slot.refused(PER_ADDRESS);
        }
        if (!take(byProject, project, perProject)) {
            if (addressKey != null) {
                give(byAddress, addressKey);
            }
            return Slot.refused(PER_PROJECT);
        }
        return new Slot(this, project, addressKey, null);
    }

    private static boolean take(ConcurrentHashMap<String, Integer> counts, String key, int cap) {
        boolean[] taken = {false};
        counts.compute(key, (k, n) -> {
            int held = n == null ? 0 : n;
            if (held >= cap) {
                return n;
            }
            taken[0] = true;
            return held + 1;
        });
        return taken[0];
    }

    private static void give(ConcurrentHashMap<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** A socket's place under the caps: refused (with the reason), or held until {@link #release()}. */
    public static final class Slot {

        /** No place held: a socket that never reached the caps. */
        public static final Slot NONE = new Slot(null, null, null, null);

        private final SocketCaps caps;
        private final String project;
        private final String addressKey;
        private final String refusal;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(SocketCaps caps, String project, String addressKey, String refusal) {
            this.caps = caps;
            this.project = project;
            this.addressKey = addressKey;
            this.refusal = refusal;
        }

        static Slot refused(String refusal) {
            return new Slot(null, null, null, refusal);
        }

        /** @return why the socket may not open, or null when it holds its place */
        public String refusal() {
            return refusal;
        }

        /** Gives the place back; a second call, or one on a refused slot, does nothing. */
        public void release() {
            if (caps != null && released.compareAndSet(false, true)) {
                give(caps.byProject, project);
                if (addressKey != null) {
                    give(caps.byAddress, addressKey);
                }
            }
        }
    }
}
