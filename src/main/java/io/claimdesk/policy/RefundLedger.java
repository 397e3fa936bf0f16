package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The refunds of one order (R3, R7): in the order's currency, at its scale, never summing above the
 * order total. Each refund has a caller-chosen id: the same id with the same content is a replay,
 * the same id with other content is a conflict.
 */
public record RefundLedger(Money orderTotal, List<Refund> refunds) {

    /** Keeps one case within a DynamoDB item whatever a caller sends. */
    public static final int MAX_REFUNDS = 50;

    public RefundLedger {
        Objects.requireNonNull(orderTotal, "orderTotal");
        refunds = List.copyOf(refunds);
    }

    public static RefundLedger empty(Money orderTotal) {
        return new RefundLedger(orderTotal, List.of());
    }

    public Money refunded() {
        Money sum = Money.zero(orderTotal.currency());
        for (Refund r : refunds) {
            sum = sum.plus(r.amount());
        }
        return sum;
    }

    public Money remaining() {
        return orderTotal.minus(refunded());
    }

    public RefundStanding standing() {
        if (refunds.isEmpty()) {
            return RefundStanding.NONE;
        }
        return remaining().isZero() ? RefundStanding.FULL : RefundStanding.PARTIAL;
    }

    public boolean reorderRequested() {
        return refunds.stream().anyMatch(Refund::reorderRequested);
    }

    public Optional<Refund> find(String refundId) {
        return refunds.stream().filter(r -> r.refundId().equals(refundId)).findFirst();
    }

    /** The outcome of applying a request: a new refund, or the replay of one already recorded. */
    public sealed interface Outcome {
        RefundLedger ledger();

        Refund refund();

        record Recorded(RefundLedger ledger, Refund refund) implements Outcome {
        }

        record Replayed(RefundLedger ledger, Refund refund) implements Outcome {
        }
    }

    /** Decides a refund; {@code refundedOn} must already be resolved (the request's date or today). */
    public Outcome apply(RefundRequest request, LocalDate refundedOn) {
        var currency = orderTotal.currency();
        if (request.currency() != null && !request.currency().equals(currency.getCurrencyCode())) {
            throw Refusal.invalid("currency", "the order is in " + currency.getCurrencyCode()
                    + ", the refund says " + request.currency());
        }
        Money asked = request.amount() instanceof RefundAmount.Partial p ? Money.of("amount", p.value(), currency) : null;
        if (asked != null && !asked.isPositive()) {
            throw Refusal.invalid("amount", "a refund must be above zero, got " + asked.amount().toPlainString());
        }
        var existing = find(request.refundId());
        if (existing.isPresent()) {
            if (existing.get().sameContentAs(request)) {
                return new Outcome.Replayed(this, existing.get());
            }
            throw new Refusal(RefusalCode.REFUND_ID_CONFLICT, "refundId", "refund " + request.refundId()
                    + " was already recorded with other content (" + existing.get().amount()
                    + (existing.get().reorderRequested() ? ", reorder requested" : "") + ")");
        }
        Money left = remaining();
        if (!left.isPositive()) {
            throw new Refusal(RefusalCode.REFUND_EXCEEDS_REMAINING, "amount",
                    "the order total " + orderTotal + " is already fully refunded");
        }
        Money amount = asked == null ? left : asked;
        if (amount.compareTo(left) > 0) {
            throw new Refusal(RefusalCode.REFUND_EXCEEDS_REMAINING, "amount",
                    "refund " + amount + " exceeds the " + left + " left to refund");
        }
        if (refunds.size() >= MAX_REFUNDS) {
            throw Refusal.transition("refundId", "a case holds at most " + MAX_REFUNDS + " refunds");
        }
        Refund refund = new Refund(request.refundId(), amount, asked == null, request.reorderRequested(),
                request.reason(), refundedOn);
        List<Refund> next = new ArrayList<>(refunds);
        next.add(refund);
        return new Outcome.Recorded(new RefundLedger(orderTotal, next), refund);
    }
}
