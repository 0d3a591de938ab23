/**
 * Security at the HTTP boundary: the one Jakarta Security mechanism of the application (BASIC against the identity
 * stores for the admin paths and, when sent, for the WebSocket handshake; MicroProfile JWT bearer tokens for the
 * handshake), the realm identity store, and reading a caller's groups from the authenticated Subject.
 */
package io.indobase.realtime.security;
