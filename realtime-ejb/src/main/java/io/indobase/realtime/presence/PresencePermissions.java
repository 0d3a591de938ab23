package io.indobase.realtime.presence;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code permissions} of a presence as Appwrite 1.9 handles them: utopia's {@code Permissions} validator (up to
 * 100 of {@code read}, {@code update}, {@code delete}, {@code write}, each with a valid role) with its messages; then
 * {@code write} expands to {@code update} and {@code delete}, none given means all four for the user alone, every
 * role granted must be one the user holds (or {@code any}), and the result is sorted.
 */
public final class PresencePermissions {

    static final int MAX = 100;
    private static final List<String> ALLOWED = List.of("read", "update", "delete", "write");
    private static final List<String> TYPES = List.of("create", "read", "update", "delete", "write");
    private static final List<String> ROLES = List.of("any", "guests", "users", "user", "team", "member", "label");
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*$");
    private static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9]{1,36}$");
    private static final String KEY_RULE = "Parameter must contain at most %d chars. Valid chars are a-z, A-Z, 0-9, "
            + "period, hyphen, and underscore. Can't start with a special char";

    /** A parsed permission: {@code type("role[:identifier][/dimension]")}. */
    record Permission(String type, String role, String identifier, String dimension) {
        String roleString() {
            return role + (phpEmpty(identifier) ? "" : ":" + identifier) + (phpEmpty(dimension) ? "" : "/" + dimension);
        }

        @Override
        public String toString() {
            return type + "(\"" + roleString() + "\")";
        }
    }

    private PresencePermissions() {
    }

    /**
     * utopia's validator on the raw {@code permissions} parameter.
     *
     * @throws IllegalArgumentException with the validator's message
     */
    public static List<String> validate(JsonValue permissions) {
        if (permissions.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("Permissions must be an array of strings.");
        }
        if (permissions.asJsonArray().size() > MAX) {
            throw new IllegalArgumentException("You can only provide up to " + MAX + " permissions.");
        }
        List<String> valid = new ArrayList<>();
        for (JsonValue item : permissions.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new IllegalArgumentException("Every permission must be of type string.");
            }
            String permission = ((JsonString) item).getString();
            if (permission.equals("*")) {
                throw new IllegalArgumentException("Wildcard permission \"*\" has been replaced. Use \"any\" instead.");
            }
            if (permission.contains("role:")) {
                throw new IllegalArgumentException(
                        "Permissions using the \"role:\" prefix have been replaced. Use \"users\", \"guests\", or \"any\" instead.");
            }
            if (ALLOWED.stream().noneMatch(permission::startsWith)) {
                throw new IllegalArgumentException("Permission \"" + permission + "\" is not allowed. Must be one of: "
                        + String.join(", ", ALLOWED) + ".");
            }
            checkRole(parse(permission));
            valid.add(permission);
        }
        return valid;
    }

    /**
     * The presence's {@code $permissions} for its user.
     *
     * @param permissions what the client sent, already validated, or null when it sent none
     * @param userId      the signed-in user
     * @param held        the roles the user holds
     * @throws PresenceException 401 when a permission grants a role the user does not hold
     */
    public static List<String> resolve(List<String> permissions, String userId, Set<String> held) {
        Set<String> result = new LinkedHashSet<>();
        if (permissions == null) {
            ALLOWED.forEach(type -> result.add(type + "(\"user:" + userId + "\")"));
        } else {
            for (String text : permissions) {
                Permission permission = parse(text);
                if (permission.type().equals("write")) {
                    result.add(new Permission("update", permission.role(), permission.identifier(), permission.dimension()).toString());
                    result.add(new Permission("delete", permission.role(), permission.identifier(), permission.dimension()).toString());
                } else {
                    result.add(permission.toString());
                }
                String role = permission.roleString();
                if (!role.equals("any") && !held.contains(role)) {
                    Set<String> roles = new TreeSet<>(held);
                    throw new PresenceException(PresenceException.UNAUTHORIZED,
                            "Permissions must be one of: (any, " + String.join(", ", roles) + ")");
                }
            }
        }
        List<String> sorted = new ArrayList<>(result);
        sorted.sort(null);
        return sorted;
    }

    /** utopia's {@code Permission::parse}. */
    static Permission parse(String permission) {
        String[] parts = permission.split("\\(\"", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Invalid permission string format: \"" + permission + "\".");
        }
        String type = parts[0];
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Invalid permission type: \"" + type + "\".");
        }
        String fullRole = parts[1].replace("\")", "");
        String[] roleParts = fullRole.split(":", -1);
        boolean hasIdentifier = roleParts.length > 1;
        boolean hasDimension = fullRole.contains("/");
        if (!hasDimension) {
            return new Permission(type, roleParts[0], hasIdentifier ? roleParts[1] : "", "");
        }
        String[] dimensionParts = (hasIdentifier ? roleParts[1] : fullRole).split("/", -1);
        if (dimensionParts.length != 2) {
            throw new IllegalArgumentException("Only one dimension can be provided");
        }
        if (phpEmpty(dimensionParts[1])) {
            throw new IllegalArgumentException("Dimension must not be empty");
        }
        return hasIdentifier
                ? new Permission(type, roleParts[0], dimensionParts[0], dimensionParts[1])
                : new Permission(type, dimensionParts[0], "", dimensionParts[1]);
    }

    /** utopia's {@code Roles::isValidRole}. */
    private static void checkRole(Permission p) {
        String role = p.role();
        String name = "Role \"" + role + "\"";
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException(name + " is not allowed. Must be one of: " + String.join(", ", ROLES) + ".");
        }
        boolean identifierAllowed = !role.equals("any") && !role.equals("guests") && !role.equals("users");
        if (!identifierAllowed && !phpEmpty(p.identifier())) {
            throw new IllegalArgumentException(name + " can not have an ID value.");
        }
        if (identifierAllowed && phpEmpty(p.identifier())) {
            throw new IllegalArgumentException(name + " must have an ID value.");
        }
        if (identifierAllowed && !phpEmpty(p.identifier())) {
            boolean label = role.equals("label");
            boolean valid = label ? LABEL.matcher(p.identifier()).matches() : isKey(p.identifier(), 36);
            if (!valid) {
                throw new IllegalArgumentException(name + " identifier value is invalid: " + (label
                        ? "Value must be a valid string between 1 and 36 chars containing only alphanumeric chars"
                        : String.format(KEY_RULE, 36)));
            }
        }
        boolean dimensionAllowed = role.equals("users") || role.equals("user") || role.equals("team");
        if (!dimensionAllowed && !phpEmpty(p.dimension())) {
            throw new IllegalArgumentException(name + " can not have a dimension value.");
        }
        if (dimensionAllowed && !phpEmpty(p.dimension())) {
            if (!role.equals("team") && !p.dimension().equals("verified") && !p.dimension().equals("unverified")) {
                throw new IllegalArgumentException(name + " dimension value is invalid. Must be one of: verified, unverified.");
            }
            if (!isKey(p.dimension(), 81)) {
                throw new IllegalArgumentException(name + " dimension value is invalid: " + String.format(KEY_RULE, 81));
            }
        }
    }

    private static boolean isKey(String value, int maxLength) {
        return KEY.matcher(value).matches() && value.codePointCount(0, value.length()) <= maxLength;
    }

    /** PHP's {@code empty()} on a string: {@code ""} and {@code "0"}. */
    static boolean phpEmpty(String value) {
        return value.isEmpty() || value.equals("0");
    }
}
