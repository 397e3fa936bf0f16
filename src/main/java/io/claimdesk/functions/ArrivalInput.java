package io.claimdesk.functions;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.claimdesk.policy.ArrivalSource;
import io.claimdesk.policy.FollowUp;

/**
 * flagLateArrival's input: either an arrival report (the original parcel arrived on {@code deliveredOn}, as
 * {@code source} says) or a follow-up ({@code followUp}, with {@code replacementOrderId} for a replacement order).
 */
public record ArrivalInput(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId,
        LocalDate deliveredOn,
        ArrivalSource source,
        FollowUp followUp,
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String replacementOrderId,
        @Pattern(regexp = Ids.LANGUAGE, message = Ids.LANGUAGE_MESSAGE) String language) {
}
