/**
 * The one reach into Payara's security internals: its realm identity store's own login step, found by reflection,
 * which {@code security.RealmLogin} uses so that a realm user in no group can sign in. When Payara changes, nothing is
 * found and the caller falls back to the standard identity stores; nothing else here.
 */
package io.indobase.realtime.security.payara;
