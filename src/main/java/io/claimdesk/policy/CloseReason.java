package io.claimdesk.policy;

/** Why a case was closed. */
public enum CloseReason {
    /** The parcel arrived before any refund. */
    DELIVERED,
    /** The claim deadline (R6) passed with no refund recorded. */
    CLAIM_DEADLINE_PASSED
}
