/**
 * The application's HTTP APIs as one JAX-RS application under {@code /v1/realtime}: the admin API and the ingest
 * (each in its own package, with its own authorisation).
 */
package io.indobase.realtime.api;
