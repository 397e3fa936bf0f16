package io.claimdesk.policy;

import java.util.Objects;

/**
 * The parcel as the seller shipped it: carrier name, whether tracking or insurance was bought, its status, and, as the
 * caller knows them, whether its label was bought through Buy Shipping with the Claims Protected badge and whether it
 * was shipped on time (R11), and its tracking id (or null): what Amazon's tracking milestones name it by.
 */
public record Shipment(String carrier, boolean tracked, boolean insured, CarrierStatus status, boolean claimsProtected,
                       boolean shippedOnTime, String trackingId) {

    public Shipment {
        Objects.requireNonNull(status, "status");
    }

    public Shipment(String carrier, boolean tracked, boolean insured, CarrierStatus status, boolean claimsProtected,
                    boolean shippedOnTime) {
        this(carrier, tracked, insured, status, claimsProtected, shippedOnTime, null);
    }

    public Shipment(String carrier, boolean tracked, boolean insured, CarrierStatus status) {
        this(carrier, tracked, insured, status, false, false, null);
    }

    /** The same parcel with another status. */
    public Shipment withStatus(CarrierStatus newStatus) {
        return new Shipment(carrier, tracked, insured, newStatus, claimsProtected, shippedOnTime, trackingId);
    }

    public static Shipment none() {
        return new Shipment(null, false, false, CarrierStatus.UNKNOWN);
    }

    /** R11: Amazon funds an item-not-received claim on this parcel, and it does not count toward the ODR. */
    public boolean claimsProtection() {
        return claimsProtected && shippedOnTime;
    }
}
