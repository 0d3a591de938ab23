/**
 * Test support shared by the integration and system tests: a real Artemis broker in the test JVM with a JMS
 * publisher, a WebSocket client that records frames and close codes, and envelope builders; real broker, Payara
 * Micro and nginx processes, and the local cluster of docs/scaling.md they make ({@code LocalCluster}), which
 * {@code bin/realtime cluster} also runs. Never deployed.
 */
package io.indobase.realtime.testkit;
