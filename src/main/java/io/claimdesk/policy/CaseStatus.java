package io.claimdesk.policy;

/**
 * Where a case stands. The status is never set by hand: {@link Lifecycle#standingOf} derives it from what the
 * case holds (claim, arrivals, follow-ups, refunds, the deadline noted by the sweep), and {@link Lifecycle} lists
 * every move between statuses with the rule behind it.
 */
public enum CaseStatus {
    /** Reported not received; nothing settles it yet. */
    OPEN,
    /** The buyer filed an A-to-z Guarantee claim and Amazon has not decided it (R6). */
    CLAIM_FILED,
    /** The original parcel arrived after a refund: Amazon's re-charge with the buyer's consent (R3) and/or the return (R7) are pending. */
    LATE_ARRIVAL_FLAGGED,
    /** Nothing is pending; see {@link CloseReason}. A later claim, refund or report can still move it (every state has a way forward). */
    CLOSED
}
