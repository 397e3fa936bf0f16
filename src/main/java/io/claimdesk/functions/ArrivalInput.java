package io.claimdesk.functions;

import java.time.LocalDate;

import io.claimdesk.policy.ArrivalSource;
import io.claimdesk.policy.FollowUp;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Refusal;

/**
 * flagLateArrival's input: either an arrival report (the original parcel arrived on {@code deliveredOn}, as
 * {@code source} says) or a follow-up ({@code followUp}, with {@code replacementOrderId} for a replacement order).
 */
public record ArrivalInput(
        String orderId,
        LocalDate deliveredOn,
        ArrivalSource source,
        FollowUp followUp,
        String replacementOrderId,
        Language language) {

    public ArrivalInput {
        Fields.required("orderId", orderId);
        Fields.id("orderId", orderId);
        Fields.id("replacementOrderId", replacementOrderId);
        if (followUp != null) {
            if (deliveredOn != null || source != null) {
                throw Refusal.invalid("followUp", "give either an arrival (deliveredOn and source) or a followUp, not both");
            }
            if (replacementOrderId != null && followUp != FollowUp.REPLACEMENT_ORDERED) {
                throw Refusal.invalid("replacementOrderId", "replacementOrderId goes with followUp REPLACEMENT_ORDERED only");
            }
        } else {
            if (deliveredOn == null) {
                throw Refusal.invalid("deliveredOn", "give deliveredOn (yyyy-MM-dd) and source for an arrival, or a followUp");
            }
            if (source == null) {
                throw Refusal.invalid("source", "say who reports the arrival: CARRIER, BUYER or SELLER");
            }
            if (replacementOrderId != null) {
                throw Refusal.invalid("replacementOrderId", "replacementOrderId goes with followUp REPLACEMENT_ORDERED only");
            }
        }
    }
}
