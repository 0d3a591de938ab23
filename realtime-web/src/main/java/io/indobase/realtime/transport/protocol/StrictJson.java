package io.indobase.realtime.transport.protocol;

import static io.indobase.realtime.json.JsonKit.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.NoSuchElementException;

/**
 * One JSON value and nothing after it, as PHP's {@code json_decode} requires: a JSON reader would accept
 * {@code {"type":"ping"} garbage} by stopping after the first value.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** @throws JsonException when the text is not exactly one JSON value */
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
        } catch (IllegalStateException | NoSuchElementException | NumberFormatException e) {
            // NumberFormatException: a number whose exponent Java cannot read (1e99999999999)
            throw new JsonException(e.getMessage(), e);
        }
    }
}
