package io.indobase.realtime.transport.protocol;

import io.indobase.realtime.presence.PresenceRequest;
import java.util.List;
import java.util.Objects;

/** A client-to-server message, decoded and validated as a whole by {@link ClientMessages}. */
public sealed interface ClientMessage {

    record Ping() implements ClientMessage {
    }

    /** One item of a {@code subscribe} batch; a null id asks the server to mint one. */
    record SubscribeItem(String subscriptionId, List<String> channels, List<String> queries) {
        public SubscribeItem {
            channels = List.copyOf(channels);
            queries = List.copyOf(queries);
        }
    }

    record Subscribe(List<SubscribeItem> items) implements ClientMessage {
        public Subscribe {
            items = List.copyOf(items);
        }
    }

    record Unsubscribe(List<String> subscriptionIds) implements ClientMessage {
        public Unsubscribe {
            subscriptionIds = List.copyOf(subscriptionIds);
        }
    }

    /** Sign in on an open socket with a session credential. */
    record Authenticate(String session) implements ClientMessage {
        public Authenticate {
            Objects.requireNonNull(session);
        }

        @Override
        public String toString() {
            return "Authenticate[session=<redacted>]";
        }
    }

    /** Publish the user's presence. */
    record Presence(PresenceRequest request) implements ClientMessage {
        public Presence {
            Objects.requireNonNull(request);
        }
    }
}
