package io.claimdesk.cases;

/**
 * DynamoDB is throttling, failing, too slow or cannot be reached. Whether a write of this call took effect
 * is not always known: an attempt that timed out may still have been applied. Retrying the same call is
 * safe all the same: every write is conditional, so a change already recorded is recognised (a replay)
 * and never applied twice.
 */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
