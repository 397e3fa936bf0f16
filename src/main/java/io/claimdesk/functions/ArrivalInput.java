package io.claimdesk.functions;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.claimdesk.policy.ArrivalSource;

/** flagLateArrival's arrival report: the original parcel arrived on {@code deliveredOn}. */
public record ArrivalInput(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId,
        @NotNull LocalDate deliveredOn,
        @NotNull ArrivalSource source,
        @Pattern(regexp = "(?i)fr|en", message = "must be fr or en") String language) {
}
