package io.claimdesk.policy;

/** Why a case is closed. */
public enum CloseReason {
    /** The buyer confirmed receipt, or the seller recorded the delivery after the claim window (R1, R6). */
    DELIVERED,
    /** The claim deadline passed with no refund, claim or delivery recorded; Amazon may still accept a late claim (R6). */
    CLAIM_DEADLINE_PASSED,
    /** The claim deadline passed after a refund (R3). */
    REFUNDED,
    /** Amazon granted the buyer's A-to-z Guarantee claim (R6). */
    CLAIM_GRANTED,
    /** Amazon denied the buyer's A-to-z Guarantee claim (R6). */
    CLAIM_DENIED,
    /** The late arrival's consent and return are all recorded (R3, R7). */
    LATE_ARRIVAL_SETTLED,
    /** Nothing was recorded for the late arrival within {@link Attention#FOLLOW_UP_EXPIRES_DAYS} days; it can still be (R3, R7). */
    LATE_ARRIVAL_UNSETTLED;

    /** True when the case is settled for good, so no resolution option is offered any more. */
    public boolean settled() {
        return this == DELIVERED || this == CLAIM_GRANTED || this == CLAIM_DENIED || this == LATE_ARRIVAL_SETTLED;
    }
}
