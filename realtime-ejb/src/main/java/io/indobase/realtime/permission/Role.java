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

    private static final Pattern NAME = Pattern.compile("[^/:\\s]+");

    public Role {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a role: " + value);
        }
    }

    /**
     * Whether a name may be part of a role (a user, team, team role, membership or label id): a role is parsed at its
     * {@code :} and {@code /}, so a name holding one, or white space, could pose as another role.
     */
    public static boolean isName(String name) {
        return name != null && !name.isEmpty() && name.length() <= 255 && NAME.matcher(name).matches();
    }

    public static Role of(String value) {
        return new Role(value);
    }
}
