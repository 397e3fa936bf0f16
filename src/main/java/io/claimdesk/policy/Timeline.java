package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The dates of a case, in date order: the order, the maximum delivery or service date, the claim window's
 * opening and deadline (R6), the refunds (R3, R7), the arrival reports and the claim's events (R6): the seller's answer
 * to Amazon, or the day it is due while none is recorded (R9), and a granted claim's last day to appeal (R10). On one day
 * they come in the order of {@link Kind}, and refunds of one day in the order they were recorded.
 */
public final class Timeline {

    private Timeline() {
    }

    /** What happened, or falls, on a day of the case. */
    public enum Kind {
        ORDERED, MAX_DELIVERY, SERVICE, CLAIM_WINDOW_OPENS, REFUND, REFUND_AND_REORDER, ARRIVAL, CLAIM_FILED,
        CLAIM_ANSWERED, RESPOND_BY, CLAIM_GRANTED, CLAIM_DENIED, CLAIM_WITHDRAWN, APPEAL_BY, CLAIM_DEADLINE
    }

    /**
     * One date of the timeline, with the rules it rests on; {@code refundId} and {@code amount} for a refund,
     * {@code source} for an arrival, {@code reference} for a claim's events (when Amazon's reference is known).
     */
    public record Entry(LocalDate on, Kind kind, List<Rule> rules, String refundId, Money amount, ArrivalSource source,
                        String reference) {
        public Entry {
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(kind, "kind");
            rules = List.copyOf(rules);
        }

        static Entry of(LocalDate on, Kind kind, Rule... rules) {
            return new Entry(on, kind, List.of(rules), null, null, null, null);
        }
    }

    public static List<Entry> of(ClaimCase c) {
        OrderFacts facts = c.facts();
        ClaimWindow window = c.window();
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.of(facts.orderDate(), Kind.ORDERED, Rule.R6));
        if (facts.maxDeliveryDate() != null) {
            entries.add(Entry.of(facts.maxDeliveryDate(), Kind.MAX_DELIVERY, Rule.R6));
        }
        if (facts.serviceDate() != null) {
            entries.add(Entry.of(facts.serviceDate(), Kind.SERVICE, Rule.R6));
        }
        entries.add(Entry.of(window.opensOn(), Kind.CLAIM_WINDOW_OPENS, Rule.R6));
        entries.add(Entry.of(window.deadline(), Kind.CLAIM_DEADLINE, Rule.R6));
        for (Refund r : c.ledger().refunds()) {
            entries.add(new Entry(r.refundedOn(), r.reorderRequested() ? Kind.REFUND_AND_REORDER : Kind.REFUND,
                    List.of(r.reorderRequested() ? Rule.R7 : Rule.R3), r.refundId(), r.amount(), null, null));
        }
        for (Arrival a : c.arrivals()) {
            // After a refund of that day or earlier, a late arrival (R3, R7); otherwise evidence or receipt (R5).
            List<Rule> rules = c.ledger().refunds().stream().filter(r -> !r.refundedOn().isAfter(a.deliveredOn()))
                    .map(r -> r.reorderRequested() ? Rule.R7 : Rule.R3).distinct().sorted().toList();
            entries.add(new Entry(a.deliveredOn(), Kind.ARRIVAL, rules.isEmpty() ? List.of(Rule.R5) : rules, null, null,
                    a.source(), null));
        }
        Claim claim = c.claim();
        if (claim != null) {
            entries.add(new Entry(claim.filedOn(), Kind.CLAIM_FILED, List.of(Rule.R6), null, null, null, claim.reference()));
            if (claim.respondedAt() != null) {
                entries.add(Entry.of(facts.marketplace().dateOf(claim.respondedAt()), Kind.CLAIM_ANSWERED, Rule.R9));
            } else if (claim.pending()) {
                entries.add(Entry.of(facts.marketplace().dateOf(claim.respondBy(facts.marketplace().zone())), Kind.RESPOND_BY, Rule.R9));
            }
            claim.appealBy().ifPresent(last -> entries.add(Entry.of(last, Kind.APPEAL_BY, Rule.R10)));
            if (claim.outcome() != null) {
                Kind decided = switch (claim.outcome()) {
                    case GRANTED -> Kind.CLAIM_GRANTED;
                    case DENIED -> Kind.CLAIM_DENIED;
                    case WITHDRAWN -> Kind.CLAIM_WITHDRAWN;
                };
                entries.add(new Entry(claim.decidedOn(), decided, List.of(Rule.R6), null, null, null, claim.reference()));
            }
        }
        entries.sort(Comparator.comparing(Entry::on).thenComparing(Entry::kind));
        return List.copyOf(entries);
    }
}
