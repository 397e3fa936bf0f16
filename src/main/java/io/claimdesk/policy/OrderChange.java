package io.claimdesk.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * What an SP-API ORDER_CHANGE notification says of an order, as far as the desk reads it: when the change happened
 * ({@code TimeOfOrderChange}), the marketplace (null when Amazon's id is not one the desk serves), the order's status,
 * its latest delivery date (null when absent), its fulfilment (null when absent) and whether an Easy Ship shipment
 * was delivered. Nothing about the buyer.
 */
public record OrderChange(Instant changedAt, Marketplace marketplace, Status status, Instant latestDeliveryAt,
                          Fulfilment fulfilment, boolean easyShipDelivered) {

    /** The order's status after the change ({@code Summary.OrderStatus}); statuses the desk does not act on are OTHER. */
    public enum Status { PENDING, UNSHIPPED, PARTIALLY_SHIPPED, SHIPPED, CANCELED, OTHER }

    public OrderChange {
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(status, "status");
    }

    /** Shipped in whole or in part: the parcel is on its way. */
    boolean shipped() {
        return status == Status.SHIPPED || status == Status.PARTIALLY_SHIPPED;
    }
}
