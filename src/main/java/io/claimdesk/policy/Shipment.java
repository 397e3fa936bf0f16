package io.claimdesk.policy;

import java.util.Objects;

/** The parcel as the seller shipped it: carrier name, whether tracking or insurance was bought, and its status. */
public record Shipment(String carrier, boolean tracked, boolean insured, CarrierStatus status) {

    public Shipment {
        Objects.requireNonNull(status, "status");
    }

    public static Shipment none() {
        return new Shipment(null, false, false, CarrierStatus.UNKNOWN);
    }
}
