package io.claimdesk.policy;

/** Who says the parcel arrived. */
public enum ArrivalSource {
    CARRIER, BUYER, SELLER
}
