package io.indobase.realtime.bench.peer;

/**
 * Artemis's own STOMP over WebSocket, on the same broker and the same events topic our node consumes: each
 * subscriber is a non-durable multicast subscription, ready when the broker confirms the SUBSCRIBE.
 */
public final class StompPeer implements Peer {

    public static final String TOPIC = "indobase.realtime.events";

    @Override
    public String target(int index, int team) {
        return "/";
    }

    @Override
    public String headers(int index, int team) {
        return "Sec-WebSocket-Protocol: v12.stomp\r\n";
    }

    @Override
    public Step opened() {
        return Step.send("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nlogin:realtime\npasscode:realtime\n"
                + "heart-beat:15000,0\n\n\0");
    }

    @Override
    public Step setup(String message) {
        if (message.startsWith("CONNECTED")) {
            return Step.send("SUBSCRIBE\nid:0\ndestination:" + TOPIC + "\nsubscription-type:MULTICAST\nack:auto\n"
                    + "receipt:subscribed\n\n\0");
        }
        if (message.startsWith("RECEIPT")) {
            return Step.READY;
        }
        return message.startsWith("ERROR") ? Step.fail(message) : Step.WAIT;
    }

    @Override
    public String keepalive() {
        return "\n";
    }
}
