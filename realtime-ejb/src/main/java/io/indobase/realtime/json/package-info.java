/**
 * JSON: the application's one JSON-P provider ({@code JsonKit.JSON}; looking the provider up per call scanned the
 * class path), hand-written string quoting for the hot path, and strict parsing ({@code StrictJson}: one value,
 * nothing after it, every refusal of the parser a {@code JsonException}). Every package may use it; it uses none.
 */
package io.indobase.realtime.json;
