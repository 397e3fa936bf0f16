package io.claimdesk.policy;

/** Stable machine codes for refusals; callers and the API mapping depend on these names. */
public enum RefusalCode {
    VALIDATION_FAILED,
    CASE_NOT_FOUND,
    REFUND_ID_CONFLICT,
    REFUND_EXCEEDS_REMAINING,
    INVALID_TRANSITION,
    /** A signed-in user whose groups do not allow the call: a reader recording, or a user in neither desk group. */
    NOT_ALLOWED
}
