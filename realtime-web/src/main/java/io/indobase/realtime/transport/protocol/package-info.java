/**
 * The client side of the Appwrite Realtime protocol as text: client messages decoded with PHP's strictness
 * ({@code ClientMessages}, on the core's {@code StrictJson}), the handshake URL's subscription slots, query checks, and the
 * rejections ({@code ProtocolException}) with the codes and messages Appwrite sends. No WebSocket type; the
 * transport calls it.
 */
package io.indobase.realtime.transport.protocol;
