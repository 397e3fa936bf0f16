package io.claimdesk.policy;

/**
 * Who says the parcel arrived. A carrier scan alone is the seller's evidence, not the end of a dispute; the
 * buyer's word confirms receipt; the seller's word does once the claim window has passed.
 */
public enum ArrivalSource {
    CARRIER, BUYER, SELLER
}
