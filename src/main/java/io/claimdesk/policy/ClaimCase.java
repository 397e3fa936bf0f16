package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One "item not received" case and its allowed moves. Every move returns a new case (records are
 * immutable) plus the history entry it adds; a move that changes nothing returns no entry, so the
 * caller knows there is nothing to write.
 *
 * @param version         optimistic-locking version; 0 for a case never stored
 * @param attendedThrough the last day the scheduled sweep handled this case (null: never)
 */
public record ClaimCase(
        OrderFacts facts,
        CaseStatus status,
        CloseReason closeReason,
        LocalDate closedOn,
        RefundLedger ledger,
        Arrival arrival,
        LocalDate attendedThrough,
        long version,
        List<HistoryEntry> history) {

    /** Days after a late arrival is flagged before the sweep reminds the seller (R3 consent, R7 return). */
    public static final int FOLLOW_UP_DAYS = 7;
    /** Keeps one case within a DynamoDB item: at most this many changes are kept per case. */
    public static final int MAX_HISTORY = 200;

    public ClaimCase {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ledger, "ledger");
        history = List.copyOf(history);
    }

    public String orderId() {
        return facts.orderId();
    }

    public ClaimWindow window() {
        return ClaimWindow.of(facts);
    }

    /** The result of a move: the case after it, and the entry it adds to the history (empty when nothing changed). */
    public record Transition(ClaimCase after, Optional<HistoryEntry> entry) {
        public boolean changed() {
            return entry.isPresent();
        }
    }

    public record RefundTransition(ClaimCase after, Refund refund, boolean replay, Optional<HistoryEntry> entry) {
    }

    public record ArrivalTransition(ClaimCase after, LateArrival decision, boolean replay, Optional<HistoryEntry> entry) {
    }

    /** A new case for an order reported as not received. */
    public static Transition open(OrderFacts facts, Stamp stamp) {
        facts.check();
        HistoryEntry entry = new HistoryEntry(stamp.at(), stamp.by(), "CASE_OPENED", List.of(Rule.R1),
                List.of(Statement.of(Rule.R1, Message.CASE_OPENED)));
        ClaimCase opened = new ClaimCase(facts, CaseStatus.OPEN, null, null, RefundLedger.empty(facts.orderTotal()),
                null, null, 0, List.of(entry));
        return new Transition(opened, Optional.of(entry));
    }

    /** The seller re-evaluates with newer facts (a carrier status, a corrected date). */
    public Transition withFacts(OrderFacts newFacts, Stamp stamp) {
        newFacts.check();
        if (!newFacts.orderId().equals(facts.orderId())) {
            throw Refusal.transition("orderId", "case " + orderId() + " cannot take the facts of order " + newFacts.orderId());
        }
        if (newFacts.equals(facts)) {
            return new Transition(this, Optional.empty());
        }
        if (status != CaseStatus.OPEN) {
            throw Refusal.transition("orderId", "case " + orderId() + " is " + status
                    + "; its order facts can no longer change");
        }
        if (!ledger.refunds().isEmpty()) {
            if (!newFacts.orderTotal().equals(facts.orderTotal())) {
                throw Refusal.transition("orderTotal", "refunds are recorded against " + facts.orderTotal()
                        + "; the order total can no longer change");
            }
            if (newFacts.fulfilment() != facts.fulfilment()) {
                throw Refusal.transition("fulfilment", "refunds are recorded; the fulfilment can no longer change");
            }
        }
        if (newFacts.marketplace() != facts.marketplace()) {
            throw Refusal.transition("marketplace", "case " + orderId() + " belongs to marketplace " + facts.marketplace());
        }
        // Corrections are the one change a caller can repeat without bound; refunds have their own limit and an
        // arrival or the sweep add a few entries at most, so a case stays within its DynamoDB item.
        if (history.size() >= MAX_HISTORY) {
            throw Refusal.transition("orderId", "case " + orderId() + " has reached " + MAX_HISTORY
                    + " changes; its order facts can no longer change");
        }
        HistoryEntry entry = new HistoryEntry(stamp.at(), stamp.by(), "FACTS_UPDATED", List.of(Rule.R6),
                List.of(Statement.of(Rule.R6, Message.FACTS_UPDATED)));
        RefundLedger relabelled = new RefundLedger(newFacts.orderTotal(), ledger.refunds());
        return new Transition(append(new ClaimCase(newFacts, status, closeReason, closedOn, relabelled, arrival,
                attendedThrough, version, history), entry), Optional.of(entry));
    }

    /** R3/R7: records a refund, or recognises the replay of one already recorded. */
    public RefundTransition refund(RefundRequest request, Stamp stamp) {
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        LocalDate refundedOn = request.refundedOn() == null ? today : request.refundedOn();
        if (refundedOn.isBefore(facts.orderDate())) {
            throw Refusal.invalid("refundedOn", "refundedOn " + refundedOn + " is before orderDate " + facts.orderDate());
        }
        if (refundedOn.isAfter(today)) {
            throw Refusal.invalid("refundedOn", "refundedOn " + refundedOn + " is in the future (today is "
                    + today + " in " + facts.marketplace().zone() + ")");
        }
        if (ledger.find(request.refundId()).isEmpty()) {
            requireRefundable();
        }
        RefundLedger.Outcome outcome = ledger.apply(request, refundedOn);
        if (outcome instanceof RefundLedger.Outcome.Replayed replayed) {
            return new RefundTransition(this, replayed.refund(), true, Optional.empty());
        }
        Refund refund = outcome.refund();
        HistoryEntry entry = refundEntry(refund.refundId(), refund.amount(), refund.reorderRequested(), stamp);
        ClaimCase after = append(new ClaimCase(facts, status, closeReason, closedOn, outcome.ledger(), arrival,
                attendedThrough, version, history), entry);
        return new RefundTransition(after, refund, false, Optional.of(entry));
    }

    /** The history entry a recorded refund adds; the store writes the same entry in its single update. */
    public static HistoryEntry refundEntry(String refundId, Money amount, boolean reorderRequested, Stamp stamp) {
        return reorderRequested
                ? new HistoryEntry(stamp.at(), stamp.by(), "REFUND_RECORDED", List.of(Rule.R3, Rule.R7),
                        List.of(Statement.of(Rule.R7, Message.REFUND_AND_REORDER_RECORDED, refundId, amount)))
                : new HistoryEntry(stamp.at(), stamp.by(), "REFUND_RECORDED", List.of(Rule.R3),
                        List.of(Statement.of(Rule.R3, Message.REFUND_RECORDED, refundId, amount)));
    }

    /** Why a new refund cannot be taken now, if it cannot. */
    public void requireRefundable() {
        if (facts.fulfilment() == Fulfilment.MARKETPLACE) {
            throw Refusal.transition("orderId", "order " + orderId()
                    + " was fulfilled by the marketplace: refunds go through its customer-returns process (R4)");
        }
        if (status != CaseStatus.OPEN) {
            throw Refusal.transition("orderId", "case " + orderId() + " is " + status
                    + (closeReason == null ? "" : " (" + closeReason + ")") + " and takes no refund");
        }
        if (history.size() >= MAX_HISTORY) {
            throw Refusal.transition("orderId", "case " + orderId() + " has reached " + MAX_HISTORY + " changes");
        }
    }

    /** R3/R7: the original parcel arrived. Flags the case after a refund, closes it as delivered otherwise. */
    public ArrivalTransition arrive(LocalDate deliveredOn, ArrivalSource source, Stamp stamp) {
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        if (deliveredOn.isBefore(facts.orderDate())) {
            throw Refusal.invalid("deliveredOn", "deliveredOn " + deliveredOn + " is before orderDate " + facts.orderDate());
        }
        if (deliveredOn.isAfter(today)) {
            throw Refusal.invalid("deliveredOn", "deliveredOn " + deliveredOn + " is in the future (today is "
                    + today + " in " + facts.marketplace().zone() + ")");
        }
        if (arrival != null) {
            if (arrival.deliveredOn().equals(deliveredOn)) {
                return new ArrivalTransition(this, LateArrival.decide(ledger, deliveredOn), true, Optional.empty());
            }
            throw Refusal.transition("deliveredOn", "an arrival on " + arrival.deliveredOn()
                    + " is already recorded for case " + orderId());
        }
        if (status != CaseStatus.OPEN) {
            throw Refusal.transition("orderId", "case " + orderId() + " is " + status
                    + (closeReason == null ? "" : " (" + closeReason + ")") + " and takes no arrival");
        }
        LateArrival decision = LateArrival.decide(ledger, deliveredOn);
        Arrival recorded = new Arrival(deliveredOn, source, today);
        boolean closes = decision instanceof LateArrival.ClosedAsDelivered;
        CaseStatus target = closes ? CaseStatus.CLOSED : CaseStatus.LATE_ARRIVAL_FLAGGED;
        List<Rule> rules = List.of(decision.rule());
        HistoryEntry entry = new HistoryEntry(stamp.at(), stamp.by(),
                closes ? "CLOSED_AS_DELIVERED" : "LATE_ARRIVAL_FLAGGED", rules, decision.statements());
        ClaimCase after = append(moveTo(target, closes ? CloseReason.DELIVERED : null, closes ? today : null)
                .withArrival(recorded), entry);
        return new ArrivalTransition(after, decision, false, Optional.of(entry));
    }

    /**
     * The scheduled sweep, as of {@code asOf}: handles every attention due after the last sweep and on or
     * before {@code asOf}, in date order. Sweeping twice for the same day changes nothing.
     */
    public Transition attend(LocalDate asOf, Stamp stamp) {
        List<Statement> said = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        ClaimCase current = this;
        Optional<Attention> due = current.nextAttention();
        while (due.isPresent() && !due.get().on().isAfter(asOf)) {
            Attention attention = due.get();
            current = current.handle(attention, asOf, said, rules);
            current = current.attendedThrough(attention.on());
            due = current.nextAttention();
        }
        if (said.isEmpty()) {
            return new Transition(this, Optional.empty());
        }
        HistoryEntry entry = new HistoryEntry(stamp.at(), stamp.by(), "SWEPT", rules.stream().distinct().toList(), said);
        return new Transition(append(current.attendedThrough(asOf), entry), Optional.of(entry));
    }

    private ClaimCase handle(Attention attention, LocalDate asOf, List<Statement> said, List<Rule> rules) {
        switch (attention.kind()) {
            case CLAIM_WINDOW_OPENS -> {
                said.add(Statement.of(Rule.R6, Message.WINDOW_OPENED, window().opensOn()));
                rules.add(Rule.R6);
                return this;
            }
            case CLAIM_DEADLINE_PASSED -> {
                rules.add(Rule.R6);
                if (ledger.refunds().isEmpty()) {
                    said.add(Statement.of(Rule.R6, Message.DEADLINE_PASSED_CLOSED, window().deadline()));
                    return moveTo(CaseStatus.CLOSED, CloseReason.CLAIM_DEADLINE_PASSED, asOf);
                }
                said.add(Statement.of(Rule.R6, Message.DEADLINE_PASSED, window().deadline()));
                return this;
            }
            case LATE_ARRIVAL_FOLLOW_UP -> {
                boolean reorder = ledger.reorderRequested();
                Rule rule = reorder ? Rule.R7 : Rule.R3;
                rules.add(rule);
                said.add(Statement.of(rule, reorder ? Message.FOLLOW_UP_RETURN : Message.FOLLOW_UP_CONSENT, arrival.deliveredOn()));
                return this;
            }
            default -> throw new IllegalStateException("unhandled attention " + attention.kind());
        }
    }

    /** The next day this case needs the sweep, if any; what the due-time index is keyed by. */
    public Optional<Attention> nextAttention() {
        List<Attention> candidates = new ArrayList<>();
        if (status == CaseStatus.OPEN) {
            ClaimWindow window = window();
            candidates.add(new Attention(window.opensOn(), Attention.Kind.CLAIM_WINDOW_OPENS));
            candidates.add(new Attention(window.deadline().plusDays(1), Attention.Kind.CLAIM_DEADLINE_PASSED));
        } else if (status == CaseStatus.LATE_ARRIVAL_FLAGGED) {
            candidates.add(new Attention(arrival.recordedOn().plusDays(FOLLOW_UP_DAYS), Attention.Kind.LATE_ARRIVAL_FOLLOW_UP));
        }
        return candidates.stream()
                .filter(a -> attendedThrough == null || a.on().isAfter(attendedThrough))
                .min(Comparator.comparing(Attention::on));
    }

    /**
     * True when this case holds a change made with exactly this stamp: the write of the call that owns the
     * stamp was applied, even if its answer was lost and a retry of the same write was then refused.
     */
    public boolean changedWith(Stamp stamp) {
        return history.stream().anyMatch(h -> h.at().equals(stamp.at()) && h.by().equals(stamp.by()));
    }

    /** The case as the store read it, with the version it was read at. */
    public ClaimCase withVersion(long newVersion) {
        return new ClaimCase(facts, status, closeReason, closedOn, ledger, arrival, attendedThrough, newVersion, history);
    }

    private ClaimCase moveTo(CaseStatus target, CloseReason reason, LocalDate on) {
        if (!status.canMoveTo(target)) {
            throw Refusal.transition("orderId", "case " + orderId() + " cannot move from " + status + " to " + target);
        }
        return new ClaimCase(facts, target, reason, on, ledger, arrival, attendedThrough, version, history);
    }

    private ClaimCase withArrival(Arrival recorded) {
        return new ClaimCase(facts, status, closeReason, closedOn, ledger, recorded, attendedThrough, version, history);
    }

    private ClaimCase attendedThrough(LocalDate day) {
        return new ClaimCase(facts, status, closeReason, closedOn, ledger, arrival, day, version, history);
    }

    private ClaimCase append(ClaimCase base, HistoryEntry entry) {
        List<HistoryEntry> longer = new ArrayList<>(base.history);
        longer.add(entry);
        return new ClaimCase(base.facts, base.status, base.closeReason, base.closedOn, base.ledger, base.arrival,
                base.attendedThrough, base.version, longer);
    }
}
