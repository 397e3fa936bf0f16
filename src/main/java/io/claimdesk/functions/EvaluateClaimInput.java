package io.claimdesk.functions;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.ClaimOutcome;
import io.claimdesk.policy.Fulfilment;

/**
 * evaluateClaim's input: the order facts, written out or as an SP-API order ({@code spapiOrder}, see
 * {@link SpApiOrder}), and optionally the day to evaluate on, the language and the buyer's claim. Which facts
 * are required depends on which way the order is given, so {@link ClaimFunctions#toFacts} checks them.
 */
public record EvaluateClaimInput(
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId,
        @Pattern(regexp = "[A-Z]{2}", message = "must be a marketplace code such as FR, DE, ES, IT, UK, US, JP") String marketplace,
        Fulfilment fulfilment,
        LocalDate orderDate,
        Instant orderedAt,
        LocalDate maxDeliveryDate,
        LocalDate serviceDate,
        @Pattern(regexp = Ids.DECIMAL, message = Ids.DECIMAL_MESSAGE) String orderTotal,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Valid Shipment shipment,
        LocalDate reportedOn,
        LocalDate asOf,
        @Pattern(regexp = Ids.LANGUAGE, message = Ids.LANGUAGE_MESSAGE) String language,
        @Valid Claim claim,
        JsonNode spapiOrder) {

    /** The parcel: carrier name (no personal data), whether tracking or insurance was bought, the carrier's status. */
    public record Shipment(
            @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N} ._&'-]*", message = "must be a carrier name") String carrier,
            Boolean tracking,
            Boolean insured,
            CarrierStatus status) {
    }

    /** The buyer's A-to-z Guarantee claim: when it was filed, Amazon's reference, and the outcome once known (R6). */
    public record Claim(
            @NotNull LocalDate filedOn,
            @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String reference,
            ClaimOutcome outcome,
            LocalDate decidedOn) {
    }
}
