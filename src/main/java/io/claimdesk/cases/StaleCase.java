package io.claimdesk.cases;

/** The case changed between our read and our conditional write; the caller reads again and retries. */
public final class StaleCase extends RuntimeException {
    public StaleCase(String orderId) {
        super("case " + orderId + " changed concurrently", null, false, false);
    }
}
