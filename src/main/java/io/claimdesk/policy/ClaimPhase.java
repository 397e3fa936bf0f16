package io.claimdesk.policy;

/** Where the buyer stands in the A-to-z claim window on a given date (R6). Ordered: phases never go backwards. */
public sealed interface ClaimPhase {

    /** Position in time order, so callers can compare phases. */
    int order();

    /** The buyer cannot file yet; the window opens in {@code daysUntilOpen} days. */
    record NotYetOpen(long daysUntilOpen) implements ClaimPhase {
        public int order() {
            return 0;
        }
    }

    /** The buyer can file; {@code daysLeft} days remain after today (0 on the deadline itself). */
    record Open(long daysLeft) implements ClaimPhase {
        public int order() {
            return 1;
        }
    }

    /** The deadline passed {@code daysPast} days ago; the marketplace may still accept a claim, so never "impossible". */
    record Late(long daysPast) implements ClaimPhase {
        public int order() {
            return 2;
        }
    }
}
