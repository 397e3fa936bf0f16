package io.claimdesk.policy;

import java.util.Objects;

/**
 * The parcel as the seller shipped it: carrier name, whether tracking or insurance was bought, its status, and, as the
 * caller knows them, whether its label was bought through Buy Shipping with the Claims Protected badge and whether it
 * was shipped on time (R11).
 */
public record Shipment(String carrier, boolean tracked, boolean insured, CarrierStatus status, boolean claimsProtected,
                       boolean shippedOnTime) {

    public Shipment {
        Objects.requireNonNull(status, "status");
    }

    public Shipment(String carrier, boolean tracked, boolean insured, CarrierStatus status) {
        this(carrier, tracked, insured, status, false, false);
    }

    public static Shipment none() {
        return new Shipment(null, false, false, CarrierStatus.UNKNOWN);
    }

    /** R11: Amazon funds an item-not-received claim on this parcel, and it does not count toward the ODR. */
    public boolean claimsProtection() {
        return claimsProtected && shippedOnTime;
    }
}
