package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A caller's refund. {@code currency} may be omitted (the order's currency is meant) and
 * {@code refundedOn} too (today in the marketplace's zone).
 */
public record RefundRequest(
        String refundId,
        RefundAmount amount,
        String currency,
        boolean reorderRequested,
        String reason,
        LocalDate refundedOn) {

    public RefundRequest {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
    }

    public static RefundRequest of(String refundId, String amount, String currency, boolean reorderRequested,
                                   String reason, LocalDate refundedOn) {
        return new RefundRequest(refundId, RefundAmount.parse("amount", amount), currency, reorderRequested, reason, refundedOn);
    }
}
