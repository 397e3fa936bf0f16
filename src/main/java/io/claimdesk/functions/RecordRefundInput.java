package io.claimdesk.functions;

import java.time.LocalDate;
import java.util.regex.Pattern;

import io.claimdesk.policy.Language;

/** recordRefund's input. {@code amount} is a decimal as text, or "full" for what is left to refund. */
public record RecordRefundInput(
        String orderId,
        String refundId,
        String amount,
        String currency,
        Boolean reorderRequested,
        String reason,
        LocalDate refundedOn,
        Language language) {

    private static final Pattern AMOUNT = Pattern.compile("(?i)full|" + Fields.DECIMAL.pattern());

    public RecordRefundInput {
        Fields.required("amount", amount);
        Fields.matches("amount", amount, AMOUNT, "must be a decimal amount written as text (\"20.00\") or \"full\"");
        Fields.matches("currency", currency, Fields.CURRENCY, Fields.CURRENCY_MESSAGE);
        Fields.required("orderId", orderId);
        Fields.id("orderId", orderId);
        Fields.length("reason", reason, 0, 500);
        Fields.required("refundId", refundId);
        Fields.id("refundId", refundId);
    }
}
