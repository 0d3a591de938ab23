/**
 * Frames: the JSON text of the Appwrite Realtime server-to-client messages ({@code connected}, {@code event},
 * {@code response}, {@code pong}, {@code error}). Transport-neutral; the WebSocket endpoint sends what it builds.
 */
package io.indobase.realtime.frame;
