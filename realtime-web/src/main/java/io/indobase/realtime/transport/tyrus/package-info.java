/**
 * Every use of a Tyrus (or Grizzly) internal, each behind a method whose fallback is the standard WebSocket API:
 * raw text frames ({@code TextSender}), no idle timer per frame ({@code NoIdleTimer}), the peer's address
 * ({@code RemoteAddress}). If the internals change, the fallback is used and logged once; nothing else here.
 */
package io.indobase.realtime.transport.tyrus;
