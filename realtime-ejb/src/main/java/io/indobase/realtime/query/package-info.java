/**
 * Queries: the filters a subscription may carry, as Appwrite's realtime reads, checks and evaluates them (utopia Query
 * JSON strings, PHP's comparison semantics), plus the documented extensions. The transport compiles a subscription's
 * queries with {@link io.indobase.realtime.query.Queries}; the subscription registry tests each event's payload
 * against the compiled {@link io.indobase.realtime.query.Filter}.
 */
package io.indobase.realtime.query;
