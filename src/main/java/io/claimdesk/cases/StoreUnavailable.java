package io.claimdesk.cases;

/** DynamoDB is throttling or cannot be reached; nothing was written and the call can be retried as is. */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
