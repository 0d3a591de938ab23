/**
 * Identity: turning a credential a client presents (today the {@code session} of the in-band
 * {@code authentication} message) into an {@link io.indobase.realtime.permission.Identity} and the account model
 * sent back to the client. The transport calls the {@link io.indobase.realtime.identity.SessionVerifier} port;
 * deployments choose the adapter.
 */
package io.indobase.realtime.identity;
