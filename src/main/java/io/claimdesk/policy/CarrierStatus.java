package io.claimdesk.policy;

/** What the carrier says about the parcel; the last two are where the carrier can help (R8). */
public enum CarrierStatus {
    UNKNOWN, IN_TRANSIT, DELIVERED, LOST_IN_TRANSIT, WRONG_ADDRESS;

    public boolean carrierCanHelp() {
        return this == LOST_IN_TRANSIT || this == WRONG_ADDRESS;
    }
}
