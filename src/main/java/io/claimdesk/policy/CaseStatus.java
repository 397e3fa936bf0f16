package io.claimdesk.policy;

import java.util.Set;

/**
 * The lifecycle of a case. How much was refunded is not a status: it is derived from the ledger
 * ({@link RefundStanding}), so it can never disagree with the refunds themselves.
 */
public enum CaseStatus {
    /** Reported not received; refunds may be recorded. */
    OPEN,
    /** The parcel arrived after a refund; the seller must ask consent to charge again (R3) or arrange a return (R7). */
    LATE_ARRIVAL_FLAGGED,
    /** Nothing more happens: delivered before any refund, or the claim deadline passed without a refund. */
    CLOSED;

    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(LATE_ARRIVAL_FLAGGED, CLOSED);
            case LATE_ARRIVAL_FLAGGED, CLOSED -> Set.of();
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }
}
