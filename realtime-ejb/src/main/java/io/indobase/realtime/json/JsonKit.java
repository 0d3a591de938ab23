package io.indobase.realtime.json;

import jakarta.json.spi.JsonProvider;

/**
 * The application's one JSON-P provider. {@code jakarta.json.Json}'s factory methods look the provider up on every
 * call (a service-loader scan of the class path, which in a web application costs more than a whole delivery), so
 * the code uses {@code JSON.createObjectBuilder()} and its kin instead.
 */
public final class JsonKit {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonKit() {
    }

    /** {@code value} as a JSON string literal, quotes included. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        quote(value, out);
        return out.toString();
    }

    /** Appends {@code value} as a JSON string literal; a value with nothing to escape is appended as is. */
    public static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
