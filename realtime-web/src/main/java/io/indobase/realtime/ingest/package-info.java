/**
 * HTTP event ingest (beyond Appwrite): producers that cannot speak JMS POST an envelope with an API key holding the
 * {@code ingest} scope, and it is published on the events topic like any other.
 */
package io.indobase.realtime.ingest;
