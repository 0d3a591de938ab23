package io.indobase.realtime.permission;

import java.util.regex.Pattern;

/**
 * An Appwrite role: {@code any}, {@code guests}, {@code users[/verified|/unverified]},
 * {@code user:ID[/verified|/unverified]}, {@code team:T[/role]}, {@code member:M} or {@code label:L}.
 */
public record Role(String value) {

    public static final String ANY = "any";
    public static final String GUESTS = "guests";
    /**
     * Held only by an API key with the {@code subscribe} scope (beyond Appwrite): it reads every event of its project.
     * No permission string produces it, so no event can name it.
     */
    public static final String EVERY_EVENT = "*";

    private static final Pattern SHAPE = Pattern.compile(
            "^(any|guests|users(/(verified|unverified))?|user:[^/:\\s]+(/(verified|unverified))?"
                    + "|team:[^/:\\s]+(/[^/:\\s]+)?|member:[^/:\\s]+|label:[^/:\\s]+)$");

    public Role {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a role: " + value);
        }
    }

    public static Role of(String value) {
        return new Role(value);
    }
}
