package io.claimdesk.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One "item not received" case and the events it takes. Every event returns a new case (records are
 * immutable) plus the history entries it adds; an event that changes nothing (a replay) adds none, so the
 * caller knows there is nothing to write. The status is derived by {@link Lifecycle}, never set by hand.
 *
 * @param arrivals  the reports that the original parcel arrived, at most one per {@link ArrivalSource}
 * @param followUps what was recorded after a late arrival, and the replacement order (R3, R7)
 * @param claim     the buyer's A-to-z Guarantee claim, or null
 * @param noted     the attentions the scheduled sweep has handled ({@link Attention})
 * @param sweptThrough the latest day a sweep changed this case as of (null: never); an older sweep is stale
 * @param version   optimistic-locking version; 0 for a case never stored
 * @param history   every change, oldest first; each entry says where it left the case, which is what its
 *                  announcement tells the world ({@link Announcement#added})
 * @param setAside  the seller's last setting aside of the case, or null ({@link Todos})
 * @param notices   what Amazon's notifications told the desk ({@link #orderChanged}, {@link #trackingMilestone})
 */
public record ClaimCase(
        OrderFacts facts,
        CaseStatus status,
        CloseReason closeReason,
        LocalDate closedOn,
        RefundLedger ledger,
        List<Arrival> arrivals,
        FollowUps followUps,
        Claim claim,
        Set<Attention> noted,
        LocalDate sweptThrough,
        long version,
        List<HistoryEntry> history,
        SetAside setAside,
        Notices notices) {

    /** Keeps one case within a DynamoDB item: a case takes no caller's change past this many history entries. */
    public static final int MAX_HISTORY = 200;

    public ClaimCase {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(followUps, "followUps");
        arrivals = List.copyOf(arrivals);
        noted = Set.copyOf(noted);
        history = List.copyOf(history);
        notices = notices == null ? Notices.NONE : notices;
    }

    /** A case never set aside, of which Amazon has told nothing. */
    public ClaimCase(OrderFacts facts, CaseStatus status, CloseReason closeReason, LocalDate closedOn, RefundLedger ledger,
                     List<Arrival> arrivals, FollowUps followUps, Claim claim, Set<Attention> noted, LocalDate sweptThrough,
                     long version, List<HistoryEntry> history) {
        this(facts, status, closeReason, closedOn, ledger, arrivals, followUps, claim, noted, sweptThrough, version, history,
                null, Notices.NONE);
    }

    public String orderId() {
        return facts.orderId();
    }

    public ClaimWindow window() {
        return ClaimWindow.of(facts);
    }

    /** A change: the case after it and the entries it added to the history (none: nothing to write). */
    public record Transition(ClaimCase after, List<HistoryEntry> entries) {
        public Transition {
            entries = List.copyOf(entries);
        }

        public boolean changed() {
            return !entries.isEmpty();
        }
    }

    public record RefundTransition(ClaimCase after, Refund refund, boolean replay, List<HistoryEntry> entries) {
    }

    public record ArrivalTransition(ClaimCase after, ArrivalDecision decision, boolean replay, List<HistoryEntry> entries) {
    }

    // ---- what the case holds, derived ------------------------------------------------------------------------

    /** When the original parcel arrived: the buyer's date if the buyer reported it, else the earliest report. */
    public Optional<LocalDate> deliveredOn() {
        Optional<Arrival> buyer = arrival(ArrivalSource.BUYER);
        if (buyer.isPresent()) {
            return Optional.of(buyer.get().deliveredOn());
        }
        return arrivals.stream().map(Arrival::deliveredOn).min(Comparator.naturalOrder());
    }

    /** The report {@link #deliveredOn} rests on. */
    Optional<Arrival> deliveryReport() {
        return deliveredOn().flatMap(d -> arrival(ArrivalSource.BUYER)
                .or(() -> arrivals.stream().filter(a -> a.deliveredOn().equals(d)).findFirst()));
    }

    public Optional<Arrival> arrival(ArrivalSource source) {
        return arrivals.stream().filter(a -> a.source() == source).findFirst();
    }

    /**
     * Refunds that went out before the parcel came (R3: "arrive après son remboursement"). A refund on the
     * delivery day itself counts: it may have gone out before the parcel came.
     */
    public List<Refund> refundsBeforeArrival() {
        return deliveredOn().map(d -> ledger.refunds().stream().filter(r -> !r.refundedOn().isAfter(d)).toList())
                .orElse(List.of());
    }

    public boolean arrivedAfterRefund() {
        return !refundsBeforeArrival().isEmpty();
    }

    /** R3: a plain refund went out before the parcel came, so Amazon may charge the buyer again, with consent. */
    public boolean consentNeeded() {
        return refundsBeforeArrival().stream().anyMatch(r -> !r.reorderRequested());
    }

    /** R7: a refund with a reorder went out before the parcel came, so its return is to be arranged. */
    public boolean returnNeeded() {
        return refundsBeforeArrival().stream().anyMatch(Refund::reorderRequested);
    }

    public boolean followUpsPending() {
        return (consentNeeded() && followUps.consent() == null) || (returnNeeded() && !followUps.returnReceived());
    }

    /** The buyer says it arrived, or the seller does once the claim window has passed (R6). */
    public boolean receiptConfirmed() {
        return arrival(ArrivalSource.BUYER).isPresent() || arrival(ArrivalSource.SELLER)
                .filter(a -> a.recordedOn().isAfter(window().deadline())).isPresent();
    }

    /** True when the sweep has handled the attention of this kind that is due for the case as it is now. */
    boolean noted(Attention.Kind kind) {
        return CaseAttention.dueOn(this, kind).map(on -> noted.contains(new Attention(on, kind))).orElse(false);
    }

    boolean notedDeadlinePassed() {
        return noted(Attention.Kind.CLAIM_DEADLINE_PASSED);
    }

    /** The next day this case needs the sweep, if any. */
    public Optional<Attention> nextAttention() {
        return CaseAttention.next(this);
    }

    // ---- events -----------------------------------------------------------------------------------------------

    /** A new case for an order reported as not received (R1). */
    public static Transition open(OrderFacts facts, Stamp stamp) {
        facts.check();
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        requireNotFuture(facts, today);
        ClaimCase nothing = new ClaimCase(facts, CaseStatus.OPEN, null, null, RefundLedger.empty(facts.orderTotal()),
                List.of(), FollowUps.NONE, null, Set.of(), null, 0, List.of());
        return nothing.change(Lifecycle.Event.CASE_OPENED, nothing.draft(), List.of(Statement.of(Rule.R1, Message.CASE_OPENED)),
                stamp, today, true);
    }

    /** The seller evaluates again with newer facts (a carrier status, a corrected date), whatever the status. */
    public Transition withFacts(OrderFacts newFacts, Stamp stamp) {
        newFacts.check();
        if (!newFacts.orderId().equals(facts.orderId())) {
            throw Refusal.transition("orderId", "case " + orderId() + " cannot take the facts of order " + newFacts.orderId());
        }
        if (newFacts.equals(facts)) {
            return unchanged();
        }
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        requireNotFuture(newFacts, today);
        if (newFacts.marketplace() != facts.marketplace()) {
            throw Refusal.transition("marketplace", "case " + orderId() + " belongs to marketplace " + facts.marketplace());
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
        earliestRecordedDate().filter(d -> d.isBefore(newFacts.orderDate())).ifPresent(d -> {
            throw Refusal.invalid("orderDate", "orderDate " + newFacts.orderDate() + " is after " + d
                    + ", a date already recorded for case " + orderId());
        });
        requireRoom("orderId", "its order facts can no longer change");
        Draft next = draft();
        next.facts = newFacts;
        next.ledger = new RefundLedger(newFacts.orderTotal(), ledger.refunds());
        return change(Lifecycle.Event.FACTS_UPDATED, next, List.of(Statement.of(Rule.R6, Message.FACTS_UPDATED)),
                stamp, today, false);
    }

    /** R3/R7: records a refund the seller made, whatever the claim window's phase, or recognises its replay. */
    public RefundTransition refund(RefundRequest request, Stamp stamp) {
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        LocalDate refundedOn = request.refundedOn() == null ? today : request.refundedOn();
        requireWithinOrderAndToday("refundedOn", refundedOn, today);
        if (ledger.find(request.refundId()).isEmpty()) {
            requireRefundable();
        }
        RefundLedger.Outcome outcome = ledger.apply(request, refundedOn);
        if (outcome instanceof RefundLedger.Outcome.Replayed replayed) {
            return new RefundTransition(this, replayed.refund(), true, List.of());
        }
        Refund refund = outcome.refund();
        Draft next = draft();
        next.ledger = outcome.ledger();
        List<Statement> says = new ArrayList<>();
        says.add(refund.reorderRequested()
                ? Statement.of(Rule.R7, Message.REFUND_AND_REORDER_RECORDED, refund.refundId(), refund.amount())
                : Statement.of(Rule.R3, Message.REFUND_RECORDED, refund.refundId(), refund.amount()));
        ClaimCase provisional = next.build();
        if (provisional.arrivedAfterRefund() && !arrivedAfterRefund()) {
            // Dated before an arrival already recorded: the parcel now turns out to have come after a refund.
            says.addAll(ArrivalDecision.of(provisional).statements());
        }
        Transition t = change(Lifecycle.Event.REFUND_RECORDED, next, says, stamp, today, false);
        return new RefundTransition(t.after(), refund, false, t.entries());
    }

    /** Why a new refund cannot be taken, if it cannot. */
    public void requireRefundable() {
        if (facts.fulfilment() == Fulfilment.MARKETPLACE) {
            throw Refusal.transition("orderId", "order " + orderId()
                    + " was fulfilled by Amazon: refunds go through its customer-returns process (R4)");
        }
        requireRoom("orderId", "it takes no more refunds");
    }

    /**
     * R1/R3/R5/R6/R7: someone reports that the original parcel arrived. After a refund it is a late arrival;
     * from the buyer (or the seller once the window has passed) it confirms receipt; otherwise, a carrier scan
     * for instance, it is the seller's evidence and the case stays as it is.
     */
    public ArrivalTransition arrive(LocalDate deliveredOn, ArrivalSource source, Stamp stamp) {
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        requireWithinOrderAndToday("deliveredOn", deliveredOn, today);
        Optional<Arrival> already = arrival(source);
        if (already.isPresent()) {
            if (already.get().deliveredOn().equals(deliveredOn)) {
                return new ArrivalTransition(this, ArrivalDecision.of(this), true, List.of());
            }
            throw Refusal.transition("deliveredOn", "an arrival on " + already.get().deliveredOn() + " reported by "
                    + source.name().toLowerCase(Locale.ROOT) + " is already recorded for case " + orderId());
        }
        requireRoom("orderId", "it takes no more reports");
        Draft next = draft();
        List<Arrival> reports = new ArrayList<>(arrivals);
        reports.add(new Arrival(deliveredOn, source, today));
        next.arrivals = reports;
        ArrivalDecision decision = ArrivalDecision.of(next.build());
        Transition t = change(Lifecycle.Event.ARRIVAL_REPORTED, next, decision.statements(), stamp, today, false);
        return new ArrivalTransition(t.after(), decision, false, t.entries());
    }

    /** R3/R7: the buyer's consent to Amazon's re-charge, the return received, or the replacement order. */
    public Transition followUp(FollowUp kind, String replacementOrderId, Stamp stamp) {
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        Draft next = draft();
        Statement says;
        switch (kind) {
            case CONSENT_GIVEN, CONSENT_REFUSED -> {
                if (followUps.consent() == kind) {
                    return unchanged();
                }
                if (followUps.consent() != null) {
                    throw Refusal.transition("followUp", "the buyer's answer is already recorded for case " + orderId());
                }
                if (!consentNeeded()) {
                    throw Refusal.transition("followUp", "case " + orderId()
                            + " has no parcel that arrived after a refund, so there is no re-charge to consent to (R3)");
                }
                next.followUps = new FollowUps(kind, followUps.returnReceived(), followUps.replacementOrderId());
                says = Statement.of(Rule.R3, kind == FollowUp.CONSENT_GIVEN ? Message.CONSENT_GIVEN : Message.CONSENT_REFUSED);
            }
            case RETURN_RECEIVED -> {
                if (followUps.returnReceived()) {
                    return unchanged();
                }
                if (!returnNeeded()) {
                    throw Refusal.transition("followUp", "case " + orderId()
                            + " has no parcel that arrived after a refund with reorder, so there is no return to receive (R7)");
                }
                next.followUps = new FollowUps(followUps.consent(), true, followUps.replacementOrderId());
                says = Statement.of(Rule.R7, Message.RETURN_RECEIVED);
            }
            case REPLACEMENT_ORDERED -> {
                if (replacementOrderId == null) {
                    throw Refusal.invalid("replacementOrderId", "give the id of the buyer's replacement order");
                }
                if (replacementOrderId.equals(followUps.replacementOrderId())) {
                    return unchanged();
                }
                if (followUps.replacementOrderId() != null) {
                    throw Refusal.transition("replacementOrderId", "replacement order " + followUps.replacementOrderId()
                            + " is already recorded for case " + orderId());
                }
                if (replacementOrderId.equals(orderId())) {
                    throw Refusal.invalid("replacementOrderId", "the replacement is a new order, not order " + orderId());
                }
                if (!ledger.reorderRequested()) {
                    throw Refusal.transition("followUp", "no refund of case " + orderId() + " asked the buyer to order again (R7)");
                }
                next.followUps = new FollowUps(followUps.consent(), followUps.returnReceived(), replacementOrderId);
                says = Statement.of(Rule.R7, Message.REPLACEMENT_ORDERED, replacementOrderId);
            }
            default -> throw new IllegalStateException("unhandled follow-up " + kind);
        }
        requireRoom("orderId", "it takes no more follow-ups");
        List<Statement> said = new ArrayList<>(List.of(says));
        ClaimCase provisional = next.build();
        if (arrivedAfterRefund() && followUpsPending() && !provisional.followUpsPending()) {
            said.add(Statement.of(kind == FollowUp.RETURN_RECEIVED ? Rule.R7 : Rule.R3, Message.LATE_ARRIVAL_SETTLED));
        }
        return change(Lifecycle.Event.of(kind), next, said, stamp, today, false);
    }

    /**
     * What a caller says about the buyer's A-to-z Guarantee claim: when it was filed (its day, its instant, or both,
     * which must agree), Amazon's reference, and its outcome once known.
     */
    public record ClaimReport(LocalDate filedOn, Instant filedAt, String reference, ClaimOutcome outcome,
                              LocalDate decidedOn) {
        public ClaimReport {
            if (filedOn == null && filedAt == null) {
                throw new NullPointerException("filedOn");
            }
        }

        public ClaimReport(LocalDate filedOn, String reference, ClaimOutcome outcome, LocalDate decidedOn) {
            this(filedOn, null, reference, outcome, decidedOn);
        }
    }

    /**
     * R6: records a claim, even one filed after the deadline (Amazon may still accept it), and its outcome. A
     * claim reopens a closed case; a denial may later turn into a grant, no other outcome changes; after a
     * withdrawal the buyer may file again.
     */
    public Transition claim(ClaimReport report, Stamp stamp) {
        return claim(report, stamp, Claim.DEFAULT_RESPONSE_HOURS);
    }

    /**
     * {@link #claim(ClaimReport, Stamp)}, the seller's answer to Amazon due {@code responseHours} after the claim was
     * filed (R9): its instant, or the start of its day in the marketplace's zone.
     */
    public Transition claim(ClaimReport report, Stamp stamp, int responseHours) {
        return claim(report, stamp, responseHours, "claim.");
    }

    /** {@link #claim(ClaimReport, Stamp, int)}, its refusals naming the report's fields with {@code prefix}. */
    private Transition claim(ClaimReport report, Stamp stamp, int responseHours, String prefix) {
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        LocalDate filedOn = report.filedOn() != null ? report.filedOn() : facts.marketplace().dateOf(report.filedAt());
        if (report.filedAt() != null) {
            if (!facts.marketplace().dateOf(report.filedAt()).equals(filedOn)) {
                throw Refusal.invalid(prefix + "filedAt", prefix + "filedAt " + report.filedAt() + " is not on " + prefix + "filedOn " + filedOn
                        + " in " + facts.marketplace().zone());
            }
            if (report.filedAt().isAfter(stamp.at())) {
                throw Refusal.invalid(prefix + "filedAt", prefix + "filedAt " + report.filedAt() + " is in the future");
            }
        }
        requireWithinOrderAndToday(prefix + "filedOn", filedOn, today);
        if (report.outcome() == null && report.decidedOn() != null) {
            throw Refusal.invalid(prefix + "outcome", "give the claim's outcome (GRANTED, DENIED or WITHDRAWN) with its decidedOn");
        }
        LocalDate decidedOn = report.outcome() == null ? null : report.decidedOn() == null ? today : report.decidedOn();
        if (decidedOn != null) {
            requireWithinOrderAndToday(prefix + "decidedOn", decidedOn, today);
            if (decidedOn.isBefore(filedOn)) {
                throw Refusal.invalid(prefix + "decidedOn", prefix + "decidedOn " + decidedOn + " is before " + prefix + "filedOn " + filedOn);
            }
        }
        ClaimCase current = this;
        List<HistoryEntry> entries = new ArrayList<>();
        // A withdrawn claim leaves room for a new one, filed on or after the withdrawal.
        boolean refiled = claim != null && claim.outcome() == ClaimOutcome.WITHDRAWN
                && !filedOn.isBefore(claim.decidedOn()) && !filedOn.equals(claim.filedOn());
        if (claim == null || refiled) {
            requireRoom(prefix.isEmpty() ? "filedOn" : "claim", "it takes no claim");
            Draft next = draft();
            Instant filedInstant = report.filedAt() != null ? report.filedAt() : filedOn.atStartOfDay(facts.marketplace().zone()).toInstant();
            next.claim = new Claim(filedOn, report.filedAt(), report.reference(), today,
                    filedInstant.plus(Duration.ofHours(responseHours)), null, null, null);
            ClaimPhase phase = window().phaseOn(filedOn);
            Message message = phase instanceof ClaimPhase.Late ? Message.CLAIM_FILED_LATE
                    : phase instanceof ClaimPhase.NotYetOpen ? Message.CLAIM_FILED_EARLY : Message.CLAIM_FILED;
            Transition filed = change(Lifecycle.Event.CLAIM_FILED, next,
                    List.of(Statement.of(Rule.R6, message, filedOn), Statement.of(Rule.R6, Message.CLAIM_ANSWER_WITH_EVIDENCE)),
                    stamp, today, false);
            current = filed.after();
            entries.addAll(filed.entries());
        } else if (!claim.filedOn().equals(filedOn) || !Objects.equals(claim.reference(), report.reference())
                || (report.filedAt() != null && claim.filedAt() != null && !report.filedAt().equals(claim.filedAt()))) {
            throw Refusal.transition(prefix + "filedOn", "a claim filed on " + claim.filedOn()
                    + (claim.reference() == null ? "" : " (reference " + claim.reference() + ")")
                    + " is already recorded for case " + orderId());
        }
        if (report.outcome() != null && report.outcome() != current.claim.outcome()) {
            ClaimOutcome recorded = current.claim.outcome();
            // Only a denial can still turn into a grant (Amazon accepting the claim late). Any other change is
            // refused, so an older outcome delivered again can never undo a newer one.
            if (recorded != null && !(recorded == ClaimOutcome.DENIED && report.outcome() == ClaimOutcome.GRANTED)) {
                throw Refusal.transition(prefix + "outcome", "the claim of case " + orderId() + " is already "
                        + recorded.name().toLowerCase(Locale.ROOT) + " (" + current.claim.decidedOn() + ")");
            }
            current.requireRoom(prefix.isEmpty() ? "filedOn" : "claim", "it takes no new outcome");
            Draft next = current.draft();
            next.claim = current.claim.decided(report.outcome(), decidedOn);
            Message message = switch (report.outcome()) {
                case GRANTED -> Message.CLAIM_GRANTED;
                case DENIED -> Message.CLAIM_DENIED;
                case WITHDRAWN -> Message.CLAIM_WITHDRAWN;
            };
            Transition decided = current.change(Lifecycle.Event.of(report.outcome()), next,
                    List.of(Statement.of(Rule.R6, message, decidedOn)), stamp, today, false);
            current = decided.after();
            entries.addAll(decided.entries());
        }
        return new Transition(current, entries);
    }

    /**
     * What a caller records of the claim on an existing case, any of: its filing (its day or instant, Amazon's
     * reference), the seller's answer to Amazon ({@code respondedAt}), its outcome and the day of it.
     */
    public record ClaimUpdate(LocalDate filedOn, Instant filedAt, String reference, Instant respondedAt,
                              ClaimOutcome outcome, LocalDate decidedOn) {
    }

    /**
     * R6, R9: records what the caller says of the claim, in the order it happened: the filing, the seller's answer to
     * Amazon, the outcome. Without a filing the claim already recorded is the one meant; a replay changes nothing.
     */
    public Transition recordClaim(ClaimUpdate update, Stamp stamp, int responseHours) {
        boolean filing = update.filedOn() != null || update.filedAt() != null;
        if (!filing && update.respondedAt() == null && update.outcome() == null) {
            throw Refusal.invalid(null, "give the claim's filing (filedOn or filedAt), your answer to Amazon (respondedAt) or its outcome");
        }
        if (!filing && claim == null) {
            throw Refusal.transition("filedOn", "case " + orderId() + " has no claim yet: record it with filedOn or filedAt first");
        }
        if (!filing && update.reference() != null && !update.reference().equals(claim.reference())) {
            throw Refusal.transition("reference", "the claim of case " + orderId() + " is recorded with another reference");
        }
        ClaimCase current = this;
        List<HistoryEntry> entries = new ArrayList<>();
        if (filing) {
            Transition filed = current.claim(new ClaimReport(update.filedOn(), update.filedAt(), update.reference(), null, null),
                    stamp, responseHours, "");
            current = filed.after();
            entries.addAll(filed.entries());
        }
        if (update.respondedAt() != null) {
            Transition answered = current.answerClaim(update.respondedAt(), stamp);
            current = answered.after();
            entries.addAll(answered.entries());
        }
        if (update.outcome() != null || update.decidedOn() != null) {
            Claim recorded = current.claim;
            Transition decided = current.claim(new ClaimReport(recorded.filedOn(), recorded.filedAt(), recorded.reference(),
                    update.outcome(), update.decidedOn()), stamp, responseHours, "");
            current = decided.after();
            entries.addAll(decided.entries());
        }
        return new Transition(current, entries);
    }

    /**
     * R9: the seller answered Amazon's request about the pending claim at {@code respondedAt}. The same answer again is
     * a replay; another instant once one is recorded is refused, and so is an answer with no claim pending.
     */
    public Transition answerClaim(Instant respondedAt, Stamp stamp) {
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        if (claim == null || !claim.pending()) {
            throw Refusal.transition("respondedAt", claim == null ? "case " + orderId() + " has no claim to answer"
                    : "the claim of case " + orderId() + " is already " + claim.outcome().name().toLowerCase(Locale.ROOT));
        }
        if (respondedAt.equals(claim.respondedAt())) {
            return unchanged();
        }
        if (claim.respondedAt() != null) {
            throw Refusal.transition("respondedAt", "an answer to Amazon at " + claim.respondedAt() + " is already recorded for case " + orderId());
        }
        if (respondedAt.isAfter(stamp.at())) {
            throw Refusal.invalid("respondedAt", "respondedAt " + respondedAt + " is in the future");
        }
        if (respondedAt.isBefore(claim.filedInstant(facts.marketplace().zone()))) {
            throw Refusal.invalid("respondedAt", "respondedAt " + respondedAt + " is before the claim was filed (" + claim.filedOn() + ")");
        }
        requireRoom("respondedAt", "it takes no answer");
        Draft next = draft();
        next.claim = claim.answered(respondedAt);
        return change(Lifecycle.Event.CLAIM_ANSWERED, next,
                List.of(Statement.of(Rule.R9, Message.CLAIM_ANSWERED, facts.marketplace().dateOf(respondedAt), respondedAt)),
                stamp, today, false);
    }

    /**
     * The seller sets the case aside until {@code until} (after today, at most {@link SetAside#MAX_DAYS} days away),
     * with a note: it leaves the to-do list until then ({@link Todos}). The same again is a replay.
     */
    public Transition setAside(LocalDate until, SetAside.Note note, Stamp stamp) {
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        if (!until.isAfter(today)) {
            throw Refusal.invalid("until", "until " + until + " must be after today (" + today + " in " + facts.marketplace().zone() + ")");
        }
        if (until.isAfter(today.plusDays(SetAside.MAX_DAYS))) {
            throw Refusal.invalid("until", "until " + until + " is more than " + SetAside.MAX_DAYS + " days away");
        }
        if (setAside != null && setAside.until().equals(until) && setAside.note() == note) {
            return unchanged();
        }
        requireRoom("until", "it cannot be set aside");
        Draft next = draft();
        next.setAside = new SetAside(until, note, today);
        return change(Lifecycle.Event.CASE_SET_ASIDE, next,
                List.of(Statement.of(Rule.R1, Message.CASE_SET_ASIDE, until, note.name())), stamp, today, false);
    }

    /**
     * What an SP-API ORDER_CHANGE notification says, applied as the seller's own evaluation would apply it: a new latest
     * delivery date (the window moves, R6), fulfilment or marketplace go through {@link #withFacts}, with its refusals;
     * a shipped order's parcel is in transit when nothing else was known of it; an Easy Ship shipment reported delivered
     * is a carrier's delivery report on the day of the change ({@link #arrive}; a carrier's report already recorded
     * stands); a cancelled order is recorded, and put on the seller's to-do list, never closed on its own (R1: the
     * seller's policy decides). A change no later than the last one applied changes nothing, so a late or repeated
     * delivery of a notification is harmless. The case after a change that adds no history entry may still differ: it
     * remembers the change's time.
     */
    public Transition orderChanged(OrderChange change, Stamp stamp) {
        if (notices.orderChangeSeen(change.changedAt())) {
            return unchanged();
        }
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        LocalDate changedOn = facts.marketplace().dateOf(change.changedAt());
        ClaimCase current = this;
        List<HistoryEntry> entries = new ArrayList<>();
        OrderFacts newFacts = factsAfter(change);
        if (!newFacts.equals(facts)) {
            Transition updated = withFacts(newFacts, stamp);
            current = updated.after();
            entries.addAll(updated.entries());
        }
        if (change.easyShipDelivered() && current.arrival(ArrivalSource.CARRIER).isEmpty()) {
            ArrivalTransition arrived = current.arrive(changedOn.isAfter(today) ? today : changedOn, ArrivalSource.CARRIER, stamp);
            current = arrived.after();
            entries.addAll(arrived.entries());
        }
        if (change.status() == OrderChange.Status.CANCELED && current.notices.cancelledOn() == null) {
            current.requireRoom("orderId", "it takes no more notices");
            Draft next = current.draft();
            next.notices = new Notices(current.notices.orderChangedAt(), current.notices.milestoneAt(), changedOn);
            Transition cancelled = current.change(Lifecycle.Event.ORDER_CANCELLED, next,
                    List.of(Statement.of(Rule.R1, Message.ORDER_CANCELLED, changedOn)), stamp, today, false);
            current = cancelled.after();
            entries.addAll(cancelled.entries());
        }
        Draft seen = current.draft();
        seen.notices = new Notices(change.changedAt(), current.notices.milestoneAt(), current.notices.cancelledOn());
        return new Transition(seen.build(), entries);
    }

    /** The order facts once an order change is applied to them: only what the change says, the rest as it was. */
    private OrderFacts factsAfter(OrderChange change) {
        Marketplace marketplace = change.marketplace() != null ? change.marketplace() : facts.marketplace();
        LocalDate maxDelivery = facts.maxDeliveryDate();
        // A service is counted from its service date (R6): a delivery date does not move it.
        if (change.latestDeliveryAt() != null && !facts.isService()) {
            maxDelivery = facts.marketplace().dateOf(change.latestDeliveryAt());
        }
        Fulfilment fulfilment = change.fulfilment() != null ? change.fulfilment() : facts.fulfilment();
        Shipment shipment = facts.shipment();
        if (change.shipped() && shipment.status() == CarrierStatus.UNKNOWN) {
            shipment = shipment.withStatus(CarrierStatus.IN_TRANSIT);
        }
        return new OrderFacts(facts.orderId(), marketplace, fulfilment, facts.orderDate(), maxDelivery, facts.serviceDate(),
                facts.orderTotal(), shipment, facts.reportedOn());
    }

    /**
     * A tracking milestone Amazon reported, at {@code occurredAt}, for the shipment this case's tracking id names: a
     * delivery is a carrier's delivery report on that day in the marketplace's zone ({@link #arrive}); other milestones
     * change nothing. A milestone no later than the last one applied changes nothing either. The case after a
     * delivery already recorded on that day adds no history entry but remembers the milestone's time.
     */
    public Transition trackingMilestone(Instant occurredAt, boolean delivered, Stamp stamp) {
        if (!delivered || notices.milestoneSeen(occurredAt)) {
            return unchanged();
        }
        LocalDate today = facts.marketplace().dateOf(stamp.at());
        LocalDate deliveredOn = facts.marketplace().dateOf(occurredAt);
        ArrivalTransition arrived = arrive(deliveredOn.isAfter(today) ? today : deliveredOn, ArrivalSource.CARRIER, stamp);
        Draft seen = arrived.after().draft();
        seen.notices = new Notices(notices.orderChangedAt(), occurredAt, notices.cancelledOn());
        return new Transition(seen.build(), arrived.entries());
    }

    /**
     * The scheduled sweep, as of {@code asOf}: handles every attention due on or before {@code asOf}, in date
     * order, one history entry each. Sweeping again for the same day, or for an earlier one (a late duplicate of
     * an older schedule event), changes nothing.
     */
    public Transition attend(LocalDate asOf, Stamp stamp) {
        if (sweptThrough != null && !asOf.isAfter(sweptThrough)) {
            return unchanged();
        }
        ClaimCase current = this;
        List<HistoryEntry> entries = new ArrayList<>();
        Optional<Attention> due = current.nextAttention();
        while (due.isPresent() && !due.get().on().isAfter(asOf)) {
            Attention attention = due.get();
            Draft next = current.draft();
            Set<Attention> handled = new HashSet<>(current.noted);
            handled.add(attention);
            next.noted = handled;
            next.sweptThrough = asOf;
            Transition t = current.change(attention.kind().event(), next, CaseAttention.says(current, attention), stamp, asOf, false);
            current = t.after();
            entries.addAll(t.entries());
            due = current.nextAttention();
        }
        return new Transition(current, entries);
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
        Draft d = draft();
        d.version = newVersion;
        return d.build();
    }

    /**
     * What the seller is to do for the next attention, in one statement: the first thing the sweep will say when
     * it handles it (for a late arrival awaiting both, the buyer's consent, R3, comes before the return, R7).
     */
    public Optional<Statement> nextAttentionSays() {
        return nextAttention().flatMap(a -> CaseAttention.says(this, a).stream().findFirst());
    }

    // ---- how a change is made -------------------------------------------------------------------------------

    /**
     * Derives the status of the changed case, checks the move against {@link Lifecycle}, dates a closing, and adds
     * one history entry citing the rules of what was said and saying where the change left the case: the statuses
     * before and after, the close reason, and the next attention (what the change's announcement says).
     */
    private Transition change(Lifecycle.Event event, Draft next, List<Statement> says, Stamp stamp, LocalDate today, boolean isNew) {
        Lifecycle.Standing standing = Lifecycle.standingOf(next.build());
        Lifecycle.require(event, isNew ? null : status, standing.status());
        next.status = standing.status();
        next.closeReason = standing.closeReason();
        if (standing.status() != CaseStatus.CLOSED) {
            next.closedOn = null;
        } else if (isNew || status != CaseStatus.CLOSED || closeReason != standing.closeReason()) {
            next.closedOn = today;
        }
        HistoryEntry entry = new HistoryEntry(stamp.at(), stamp.by(), event.name(),
                says.stream().map(Statement::rule).distinct().toList(), says, isNew ? null : status, standing.status(),
                standing.closeReason(), null);
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(entry);
        next.history = longer;
        // The next attention of the case with this entry in its history (the to-do list reads the history).
        entry = entry.withNext(next.build().nextAttention().orElse(null));
        longer.set(longer.size() - 1, entry);
        next.history = longer;
        return new Transition(next.build(), List.of(entry));
    }

    private Transition unchanged() {
        return new Transition(this, List.of());
    }

    private void requireRoom(String field, String what) {
        if (history.size() >= MAX_HISTORY) {
            throw Refusal.transition(field, "case " + orderId() + " has reached " + MAX_HISTORY + " changes; " + what);
        }
    }

    private void requireWithinOrderAndToday(String field, LocalDate day, LocalDate today) {
        if (day.isBefore(facts.orderDate())) {
            throw Refusal.invalid(field, field + " " + day + " is before orderDate " + facts.orderDate());
        }
        if (day.isAfter(today)) {
            throw Refusal.invalid(field, field + " " + day + " is in the future (today is " + today + " in "
                    + facts.marketplace().zone() + ")");
        }
    }

    private static void requireNotFuture(OrderFacts facts, LocalDate today) {
        if (facts.orderDate().isAfter(today)) {
            throw Refusal.invalid("orderDate", "orderDate " + facts.orderDate() + " is in the future (today is " + today
                    + " in " + facts.marketplace().zone() + ")");
        }
        if (facts.reportedOn() != null && facts.reportedOn().isAfter(today)) {
            throw Refusal.invalid("reportedOn", "reportedOn " + facts.reportedOn() + " is in the future (today is " + today
                    + " in " + facts.marketplace().zone() + ")");
        }
    }

    /** The earliest date recorded on the case (refunds, arrivals, claim), which an order date may not follow. */
    private Optional<LocalDate> earliestRecordedDate() {
        List<LocalDate> dates = new ArrayList<>();
        ledger.refunds().forEach(r -> dates.add(r.refundedOn()));
        arrivals.forEach(a -> dates.add(a.deliveredOn()));
        if (claim != null) {
            dates.add(claim.filedOn());
        }
        return dates.stream().min(Comparator.naturalOrder());
    }

    private Draft draft() {
        return new Draft(this);
    }

    /** The case's fields while a change is made, so that a change names only what it changes. */
    private static final class Draft {
        OrderFacts facts;
        CaseStatus status;
        CloseReason closeReason;
        LocalDate closedOn;
        RefundLedger ledger;
        List<Arrival> arrivals;
        FollowUps followUps;
        Claim claim;
        Set<Attention> noted;
        LocalDate sweptThrough;
        long version;
        List<HistoryEntry> history;
        SetAside setAside;
        Notices notices;

        Draft(ClaimCase c) {
            facts = c.facts;
            status = c.status;
            closeReason = c.closeReason;
            closedOn = c.closedOn;
            ledger = c.ledger;
            arrivals = c.arrivals;
            followUps = c.followUps;
            claim = c.claim;
            noted = c.noted;
            sweptThrough = c.sweptThrough;
            version = c.version;
            history = c.history;
            setAside = c.setAside;
            notices = c.notices;
        }

        ClaimCase build() {
            return new ClaimCase(facts, status, closeReason, closedOn, ledger, arrivals, followUps, claim, noted, sweptThrough,
                    version, history, setAside, notices);
        }
    }
}
