package io.indobase.realtime.bench.peer;

/**
 * nchan (an nginx module): a WebSocket on {@code /sub/<channel>} is subscribed once upgraded. With teams, each
 * subscriber takes its team's channel: the role-partitioned design a user of nchan would build for permissions.
 */
public final class NchanPeer implements Peer {

    private final String channel;

    NchanPeer(String channel) {
        this.channel = channel;
    }

    public static String channel(String base, int team) {
        return team < 0 ? base : base + "_t" + team;
    }

    @Override
    public String target(int index, int team) {
        return "/sub/" + channel(channel, team);
    }

    @Override
    public String headers(int index, int team) {
        return "";
    }

    @Override
    public Step opened() {
        return Step.READY;
    }

    @Override
    public Step setup(String message) {
        return Step.WAIT;
    }
}
