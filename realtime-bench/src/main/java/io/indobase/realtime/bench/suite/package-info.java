/**
 * The benchmark suite ({@code Suite}, run by {@code bin/realtime bench}): starts the servers once, runs scenarios
 * S0–S6 against every target in rotating rounds, and writes the report (docs/benchmarks.md, or the smoke's under
 * target/bench); {@code --soak} runs the soak against our node instead ({@code Soak}). It drives the other packages;
 * nothing depends on it.
 */
package io.indobase.realtime.bench.suite;
