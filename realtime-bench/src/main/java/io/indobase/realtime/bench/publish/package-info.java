/**
 * Publishers that put the harness's events into each target through that target's own ingress: Core JMS on the
 * events topic (our node and STOMP) and HTTP POST (nchan). Called by the suite's fan-out rounds.
 */
package io.indobase.realtime.bench.publish;
