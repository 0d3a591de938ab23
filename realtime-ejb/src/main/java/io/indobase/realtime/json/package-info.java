/**
 * JSON: the application's one JSON-P provider ({@code JsonKit.JSON}; looking the provider up per call scanned the
 * class path) and hand-written string quoting for the hot path. Every package may use it; it uses none.
 */
package io.indobase.realtime.json;
