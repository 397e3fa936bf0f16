package io.claimdesk.policy;

/** What a seller records after a late arrival (R3, R7), or about the buyer's replacement order (R7). */
public enum FollowUp {
    /** The buyer consented: Amazon may charge them again for the parcel that arrived after the refund (R3). */
    CONSENT_GIVEN,
    /** The buyer did not consent: Amazon does not charge them again (R3). */
    CONSENT_REFUSED,
    /** The original parcel came back to the seller (R7). */
    RETURN_RECEIVED,
    /** The buyer placed the replacement order the seller asked for (R7). */
    REPLACEMENT_ORDERED
}
