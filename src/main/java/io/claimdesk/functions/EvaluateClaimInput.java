package io.claimdesk.functions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.ClaimOutcome;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Refusal;

/**
 * evaluateClaim's input: the order facts, written out or as an SP-API order ({@code spapiOrder}, see
 * {@link SpApiOrder}), and optionally the day to evaluate on, the language and the buyer's claim. Which facts
 * are required depends on which way the order is given; the constructor checks both ways.
 */
public record EvaluateClaimInput(
        String orderId,
        Marketplace marketplace,
        Fulfilment fulfilment,
        LocalDate orderDate,
        Instant orderedAt,
        LocalDate maxDeliveryDate,
        LocalDate serviceDate,
        String orderTotal,
        String currency,
        Shipment shipment,
        LocalDate reportedOn,
        LocalDate asOf,
        Language language,
        Claim claim,
        JsonNode spapiOrder) {

    private static final Pattern CARRIER = Pattern.compile("[\\p{L}\\p{N} ._&'-]*");

    /** An SP-API order has a few dozen fields; Amazon may add some, but not this many. */
    static final int MAX_SPAPI_ORDER_FIELDS = 120;

    public EvaluateClaimInput {
        // Formats first, by path; then what is required, which depends on how the order is given.
        if (claim != null) {
            if (claim.filedOn() == null && claim.filedAt() == null) {
                Fields.required("claim.filedOn", null);
            }
            Fields.id("claim.reference", claim.reference());
        }
        Fields.matches("currency", currency, Fields.CURRENCY, Fields.CURRENCY_MESSAGE);
        Fields.id("orderId", orderId);
        Fields.matches("orderTotal", orderTotal, Fields.DECIMAL, Fields.DECIMAL_MESSAGE);
        if (shipment != null) {
            Fields.matches("shipment.carrier", shipment.carrier(), CARRIER, "must be a carrier name");
            Fields.length("shipment.carrier", shipment.carrier(), 0, 64);
            Fields.id("shipment.trackingId", shipment.trackingId());
        }
        if (spapiOrder != null && spapiOrder.size() > MAX_SPAPI_ORDER_FIELDS) {
            throw Refusal.invalid("spapiOrder", "spapiOrder has more than " + MAX_SPAPI_ORDER_FIELDS + " fields: not an SP-API order");
        }
        if (spapiOrder == null) {
            Fields.required("currency", currency);
            Fields.required("fulfilment", fulfilment);
            Fields.required("marketplace", marketplace);
            Fields.required("orderId", orderId);
            Fields.required("orderTotal", orderTotal);
            if ((orderDate == null) == (orderedAt == null)) {
                throw Refusal.invalid("orderDate", "give exactly one of orderDate (yyyy-MM-dd) or orderedAt (an instant)");
            }
        } else {
            notBesideSpApiOrder("fulfilment", fulfilment);
            notBesideSpApiOrder("marketplace", marketplace);
            notBesideSpApiOrder("orderDate", orderDate);
            notBesideSpApiOrder("orderId", orderId);
            notBesideSpApiOrder("orderedAt", orderedAt);
            if (orderTotal != null || currency != null) {
                Fields.required("orderTotal", orderTotal);
                Fields.required("currency", currency);
            }
        }
    }

    private static void notBesideSpApiOrder(String field, Object value) {
        if (value != null) {
            throw Refusal.invalid(field, field
                    + " comes from spapiOrder: give the order either as spapiOrder or as its fields, not both");
        }
    }

    /**
     * The parcel: carrier name (no personal data), whether tracking or insurance was bought, the carrier's status,
     * whether its label was bought through Buy Shipping with the Claims Protected badge and it was shipped on time (R11),
     * and its tracking id, by which Amazon's tracking milestones find the case (Amazon's own, AFTN..., for the shipments
     * its tracking reports).
     */
    public record Shipment(String carrier, Boolean tracking, Boolean insured, CarrierStatus status, Boolean claimsProtected,
                           Boolean shippedOnTime, String trackingId) {
    }

    /**
     * The buyer's A-to-z Guarantee claim: when it was filed (its day, its instant, or both), Amazon's reference, and the
     * outcome once known (R6).
     */
    public record Claim(LocalDate filedOn, Instant filedAt, String reference, ClaimOutcome outcome, LocalDate decidedOn) {
    }
}
