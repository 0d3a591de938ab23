package io.indobase.realtime.bench.load;

import io.indobase.realtime.bench.client.WsConnection;
import io.indobase.realtime.bench.client.WsEngine;
import io.indobase.realtime.bench.client.WsFrames;
import io.indobase.realtime.bench.client.WsHandler;
import io.indobase.realtime.bench.peer.Peer;
import io.indobase.realtime.bench.peer.Step;
import java.nio.charset.StandardCharsets;

/** Takes each subscriber through its peer's set-up, then tallies what it receives. Engine thread only. */
final class Subscribers implements WsHandler {

    private final WsEngine engine;
    private final Peer peer;
    private final Tally tally;
    private int reasonsLogged;

    Subscribers(WsEngine engine, Peer peer, Tally tally) {
        this.engine = engine;
        this.peer = peer;
        this.tally = tally;
    }

    @Override
    public void opened(WsConnection connection) {
        apply(connection, peer.opened());
    }

    @Override
    public void message(WsConnection connection, byte[] data, int offset, int length) {
        Subscriber subscriber = connection.attachment();
        if (subscriber.ready) {
            tally.record(subscriber, data, offset, offset + length, System.nanoTime());
        } else {
            apply(connection, peer.setup(new String(data, offset, length, StandardCharsets.UTF_8)));
        }
    }

    private void apply(WsConnection connection, Step step) {
        Subscriber subscriber = connection.attachment();
        for (String message : step.send()) {
            engine.send(connection, WsFrames.text(message));
        }
        if (step.failure() != null) {
            subscriber.closing = true;
            engine.close(connection);
            subscriber.population.failed(subscriber, "refused: " + step.failure());
        } else if (step.ready()) {
            subscriber.ready = true;
            if (subscriber.population.churn) {
                subscriber.closing = true;
                engine.close(connection);
            } else if (subscriber.stall) {
                engine.stall(connection);
            }
            subscriber.population.ready(subscriber);
        }
    }

    /** Sends the peer's keepalive on every ready connection of the population. */
    void keepalive(Population population) {
        String message = peer.keepalive();
        if (message == null) {
            return;
        }
        byte[] frame = WsFrames.text(message);
        for (WsConnection connection : population.connections) {
            if (connection.isOpen() && !((Subscriber) connection.attachment()).stall) {
                engine.send(connection, frame);
            }
        }
    }

    @Override
    public void closed(WsConnection connection, String why) {
        Subscriber subscriber = connection.attachment();
        if (subscriber.closing) {
            return;
        }
        if (!subscriber.ready) {
            subscriber.population.failed(subscriber, why);
            return;
        }
        tally.cutOff++;
        if (reasonsLogged++ < 3) {
            System.err.println("subscriber " + subscriber.index + " cut off: " + why);
        }
    }
}
