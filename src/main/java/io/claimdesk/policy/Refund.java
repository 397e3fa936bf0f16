package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.Objects;

/** A recorded refund. {@code requestedFull} remembers that the caller asked for "what is left", for replays. */
public record Refund(
        String refundId,
        Money amount,
        boolean requestedFull,
        boolean reorderRequested,
        String reason,
        LocalDate refundedOn) {

    public Refund {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refundedOn, "refundedOn");
    }

    /** Same id and same content: the date is left out so that a retry on the next day is still the same refund. */
    boolean sameContentAs(RefundRequest request) {
        return requestedFull == request.amount().isFull()
                && (requestedFull || amount.amount().compareTo(((RefundAmount.Partial) request.amount()).value()) == 0)
                && reorderRequested == request.reorderRequested()
                && Objects.equals(reason, request.reason());
    }
}
