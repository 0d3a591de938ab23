package io.indobase.realtime.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random pieces of bad input for the seeded generators ({@link BadFrames}, {@link BadEnvelopes}): odd strings,
 * JSON values of every type, deep nesting, junk that is never JSON. Everything comes from the caller's {@link Random},
 * so one seed gives one corpus.
 */
public final class Garble {

    /** Set it to replay a failing corpus: {@code -Drealtime.badinput.seed=N}. */
    public static final String SEED_PROPERTY = "realtime.badinput.seed";

    private static final String[] ODD = {"é", "漢", "\ud83d\ude00", "\u0001", "\u001f", "\u0000", "\"", "\\", "/", " ",
            "\t", "\n", "\u2028", "\ufeff", "\ud800", "\udfff", "*", ".", ":", "..", "%00", "<script>", "'", "{", "]"};
    private static final List<String> SCALARS = List.of("0", "-1", "1.5e3", "true", "false", "null", "\"\"", "\"x\"");

    private Garble() {
    }

    /** The seed of this run: the property when given, otherwise a fresh one (tests print it in every failure). */
    public static long seed() {
        Long given = Long.getLong(SEED_PROPERTY);
        return given != null ? given : new Random().nextLong();
    }

    /** A string of up to {@code max} characters mixing ASCII, other scripts, emoji, controls, quotes and lone surrogates. */
    public static String oddString(Random random, int max) {
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(Math.max(1, max));
        while (s.length() < length) {
            if (random.nextInt(3) == 0) {
                s.append(ODD[random.nextInt(ODD.length)]);
            } else {
                s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    /** A lower-case word of 1 to {@code max} letters. */
    public static String word(Random random, int max) {
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(max);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** {@code value} as a JSON string literal: quotes, backslashes and controls escaped, nothing else. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                // a lone surrogate cannot be written as UTF-8: it travels escaped
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A JSON value of any type but the ones named: {@code "string"}, {@code "array"}, {@code "object"}, {@code "null"}... */
    public static String valueExcept(Random random, String... types) {
        List<String> excluded = List.of(types);
        while (true) {
            int pick = random.nextInt(7);
            String value = switch (pick) {
                case 0 -> Integer.toString(random.nextInt(2000) - 1000);
                case 1 -> random.nextBoolean() ? "true" : "false";
                case 2 -> "null";
                case 3 -> quote(oddString(random, 12));
                case 4 -> "[" + SCALARS.get(random.nextInt(SCALARS.size())) + "]";
                case 5 -> "{\"k\":" + SCALARS.get(random.nextInt(SCALARS.size())) + "}";
                default -> random.nextInt(10) + "." + random.nextInt(1000);
            };
            String type = switch (pick) {
                case 0, 6 -> "number";
                case 1 -> "boolean";
                case 2 -> "null";
                case 3 -> "string";
                case 4 -> "array";
                default -> "object";
            };
            if (!excluded.contains(type)) {
                return value;
            }
        }
    }

    /** {@code depth} nested arrays (or objects, when they fit 60,000 characters) around a scalar. */
    public static String nested(Random random, int depth) {
        boolean arrays = random.nextBoolean() || depth * 6 > 60_000;
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    /** A number Java cannot read (its exponent overflows an int). */
    public static String hugeExponent(Random random) {
        return (random.nextBoolean() ? "-" : "") + (1 + random.nextInt(9)) + "e" + (random.nextBoolean() ? "" : "+")
                + (10_000_000_000L + Math.abs(random.nextLong() % 90_000_000_000L));
    }

    /** Text that is never JSON, nor made JSON by what follows it: it starts with a character no JSON value starts with. */
    public static String junk(Random random) {
        String[] starts = {"x", "'", "<", "#", "//", "/*", ")", "}", "]", ":", ",", "NaN", "Infinity", "undefined", "\u0000", "\u0007"};
        return starts[random.nextInt(starts.length)] + oddString(random, 20);
    }

    /** A raw (unescaped) control character, which JSON forbids inside strings. */
    public static char control(Random random) {
        return (char) random.nextInt(0x20);
    }

    /** UTF-8 length of {@code text}. */
    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Bytes that are not UTF-8: a lone continuation byte, an overlong form, a truncated sequence or a surrogate. */
    public static byte[] invalidUtf8(Random random) {
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xff}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        return bad[random.nextInt(bad.length)];
    }
}
