package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the seller knows about the order. Dates are calendar dates in the marketplace's zone.
 * A service has a service date and no delivery date; a physical order has a maximum estimated
 * delivery date. {@link #check()} enforces the relations between the dates.
 */
public record OrderFacts(
        String orderId,
        Marketplace marketplace,
        Fulfilment fulfilment,
        LocalDate orderDate,
        LocalDate maxDeliveryDate,
        LocalDate serviceDate,
        Money orderTotal,
        Shipment shipment,
        LocalDate reportedOn) {

    /** Dates this far from the order are typing mistakes, not orders (the claim window spans about 4 months). */
    static final int MAX_YEARS_APART = 2;

    public OrderFacts {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(fulfilment, "fulfilment");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(orderTotal, "orderTotal");
        shipment = shipment == null ? Shipment.none() : shipment;
    }

    public boolean isService() {
        return serviceDate != null;
    }

    /** The date R6 counts from: the service date for a service, else the maximum estimated delivery date. */
    public LocalDate deliveryBase() {
        return isService() ? serviceDate : maxDeliveryDate;
    }

    /** Refuses facts that cannot describe a real order; returns the facts for chaining. */
    public OrderFacts check() {
        if (maxDeliveryDate == null && serviceDate == null) {
            throw Refusal.invalid("maxDeliveryDate", "give the maximum estimated delivery date (or serviceDate for a service)");
        }
        if (maxDeliveryDate != null && serviceDate != null) {
            throw Refusal.invalid("serviceDate", "give either maxDeliveryDate (goods) or serviceDate (a service), not both");
        }
        String baseField = isService() ? "serviceDate" : "maxDeliveryDate";
        if (deliveryBase().isBefore(orderDate)) {
            throw Refusal.invalid(baseField, baseField + " " + deliveryBase() + " is before orderDate " + orderDate);
        }
        if (deliveryBase().isAfter(orderDate.plusYears(MAX_YEARS_APART))) {
            throw Refusal.invalid(baseField, baseField + " " + deliveryBase() + " is more than "
                    + MAX_YEARS_APART + " years after orderDate " + orderDate);
        }
        if (!orderTotal.isPositive()) {
            throw Refusal.invalid("orderTotal", "orderTotal must be above zero, got " + orderTotal.amount().toPlainString());
        }
        if (!orderTotal.currency().equals(marketplace.currency())) {
            throw Refusal.invalid("currency", "orders on marketplace " + marketplace + " are in "
                    + marketplace.currency().getCurrencyCode() + ", not " + orderTotal.currency().getCurrencyCode());
        }
        if (reportedOn != null && reportedOn.isBefore(orderDate)) {
            throw Refusal.invalid("reportedOn", "reportedOn " + reportedOn + " is before orderDate " + orderDate);
        }
        if (reportedOn != null && reportedOn.isAfter(orderDate.plusYears(MAX_YEARS_APART))) {
            throw Refusal.invalid("reportedOn", "reportedOn " + reportedOn + " is more than "
                    + MAX_YEARS_APART + " years after orderDate " + orderDate);
        }
        return this;
    }
}
