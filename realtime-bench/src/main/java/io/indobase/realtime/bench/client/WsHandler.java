package io.indobase.realtime.bench.client;

/** What a {@link WsConnection} tells its owner; every call comes on the engine's thread. */
public interface WsHandler {

    /** The server accepted the upgrade. */
    void opened(WsConnection connection);

    /** One whole text or binary message: {@code data[offset, offset + length)}, valid only during the call. */
    void message(WsConnection connection, byte[] data, int offset, int length);

    /** The connection ended (refused, reset, closed by the server or by us); called once. */
    void closed(WsConnection connection, String why);
}
