package io.indobase.realtime.query;

/**
 * A query a subscription cannot have. The message is utopia's or Appwrite's own (e.g. {@code Invalid query method:
 * shout}); Appwrite's realtime prefixes it with {@code Invalid query: } in the error frame.
 */
public class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
