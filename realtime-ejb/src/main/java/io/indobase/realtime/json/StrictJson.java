package io.indobase.realtime.json;

import static io.indobase.realtime.json.JsonKit.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/**
 * One JSON value and nothing after it, as PHP's {@code json_decode} requires: a JSON reader would accept
 * {@code {"type":"ping"} garbage} by stopping after the first value. Used for client messages and envelopes alike.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** @throws JsonException when the text is not exactly one JSON value, with the parser's reason */
    public static JsonValue parse(String text) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new JsonException("empty");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonException("unexpected content after the JSON value");
            }
            return value;
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // the parser's other refusals: NumberFormatException for an exponent Java cannot read (1e99999999999),
            // IllegalStateException and NoSuchElementException for some truncations, a plain RuntimeException past
            // Parsson's nesting limit (org.eclipse.parsson.maxDepth, 1,000 levels)
            throw new JsonException(e.getMessage(), e);
        }
    }
}
