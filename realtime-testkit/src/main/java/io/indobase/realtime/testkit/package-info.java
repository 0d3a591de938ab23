/**
 * Test support shared by the integration and system tests: a real Artemis broker in the test JVM with a JMS
 * publisher, a WebSocket client that records frames and close codes, and envelope builders. Never deployed.
 */
package io.indobase.realtime.testkit;
