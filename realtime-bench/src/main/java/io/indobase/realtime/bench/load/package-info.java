/**
 * One load-generator process ({@code LoadProcess}, at most ~10k connections), driven by the suite over stdin: it opens
 * subscribers from its own source addresses, takes each through its peer's set-up and tallies what arrives by
 * scanning frames for the harness's markers (order, authorisation, staleness, latency). For the soak it also closes
 * and reopens the subscribers it holds at a steady rate ({@code Rotation}).
 */
package io.indobase.realtime.bench.load;
