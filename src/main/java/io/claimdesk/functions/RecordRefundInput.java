package io.claimdesk.functions;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** recordRefund's input. {@code amount} is a decimal as text, or "full" for what is left to refund. */
public record RecordRefundInput(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId,
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String refundId,
        @NotNull @Pattern(regexp = "(?i)full|" + Ids.DECIMAL, message = "must be a decimal amount written as text (\"20.00\") or \"full\"") String amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        Boolean reorderRequested,
        @Size(max = 500) String reason,
        LocalDate refundedOn,
        @Pattern(regexp = Ids.LANGUAGE, message = Ids.LANGUAGE_MESSAGE) String language) {
}
