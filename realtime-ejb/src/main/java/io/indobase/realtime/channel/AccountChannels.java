package io.indobase.realtime.channel;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The subscriber side of the {@code account} channels, as Appwrite's {@code convertChannels} and
 * {@code rebindAccountChannels} treat them: a user may listen to {@code account} and their own account channels,
 * never to someone else's. Every other channel passes through unchanged.
 */
public final class AccountChannels {

    private static final Set<String> ACTIONS = Set.of("create", "update", "upsert", "delete");
    private static final String ACCOUNT = "account";
    private static final String PREFIX = "account.";

    private AccountChannels() {
    }

    /**
     * The channels a subscription really listens to, duplicates removed, in the order asked.
     *
     * @param userId the connection's user, or null for a guest
     */
    public static List<String> convert(Collection<String> channels, String userId) {
        boolean user = userId != null && !userId.isEmpty();
        Set<String> converted = new LinkedHashSet<>();
        for (String channel : channels) {
            if (channel.equals(ACCOUNT)) {
                converted.add(channel);
                if (user) {
                    converted.add(PREFIX + userId);
                }
            } else if (isActionChannel(channel)) {
                converted.add(user ? PREFIX + userId + "." + channel.substring(PREFIX.length()) : channel);
            } else if (!channel.startsWith(PREFIX)) {
                converted.add(channel);
            }
            // any other account.* (someone else's account) is dropped
        }
        return List.copyOf(converted);
    }

    /**
     * Rewrites account channels when a connection's user changes: a guest's {@code account.<action>} becomes the
     * user's, and another user's own channels move to the new user.
     *
     * @param oldUserId the previous user, or null for a guest
     * @param newUserId the new user; null or empty leaves the channels as they are
     */
    public static List<String> rebind(Collection<String> channels, String oldUserId, String newUserId) {
        if (newUserId == null || newUserId.isEmpty() || newUserId.equals(oldUserId)) {
            return List.copyOf(new LinkedHashSet<>(channels));
        }
        Set<String> rebound = new LinkedHashSet<>();
        for (String channel : channels) {
            rebound.add(rebindOne(channel, oldUserId, newUserId));
        }
        return List.copyOf(rebound);
    }

    private static String rebindOne(String channel, String oldUserId, String newUserId) {
        if (!channel.startsWith(PREFIX)) {
            return channel;
        }
        if (oldUserId == null || oldUserId.isEmpty()) {
            return isActionChannel(channel) ? PREFIX + newUserId + "." + channel.substring(PREFIX.length()) : channel;
        }
        if (channel.equals(PREFIX + oldUserId)) {
            return PREFIX + newUserId;
        }
        String oldPrefix = PREFIX + oldUserId + ".";
        if (channel.startsWith(oldPrefix) && ACTIONS.contains(channel.substring(oldPrefix.length()))) {
            return PREFIX + newUserId + "." + channel.substring(oldPrefix.length());
        }
        return channel;
    }

    private static boolean isActionChannel(String channel) {
        return channel.startsWith(PREFIX) && ACTIONS.contains(channel.substring(PREFIX.length()));
    }
}
