package io.claimdesk.functions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.claimdesk.cases.CaseService;
import io.claimdesk.policy.Arrival;
import io.claimdesk.policy.ArrivalDecision;
import io.claimdesk.policy.ArrivalSource;
import io.claimdesk.policy.Claim;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.ClaimEvaluation;
import io.claimdesk.policy.ClaimPhase;
import io.claimdesk.policy.Draft;
import io.claimdesk.policy.FollowUp;
import io.claimdesk.policy.HistoryEntry;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Lifecycle;
import io.claimdesk.policy.Refund;
import io.claimdesk.policy.Refusal;
import io.claimdesk.policy.ResolutionOption;
import io.claimdesk.policy.Rule;
import io.claimdesk.policy.Statement;
import io.claimdesk.policy.Wording;

/**
 * The JSON the functions return. Money travels as text at the currency's scale, dates as yyyy-MM-dd; only the
 * sentences ({@code explanation}, {@code consequences}, {@code says}, {@code nextSteps}, drafts) are written for
 * a reader, in the answer's language with the marketplace's date and money formats. Each sentence is a
 * {@link SentenceView}: its text, with no code in it, and beside it the rule it rests on.
 */
public final class Views {

    private Views() {
    }

    /** One sentence for the seller: {@code {"rule":"R6","text":"..."}}; the text is what a seller reads, copies or hears. */
    public record SentenceView(Rule rule, String text) {
        static SentenceView of(Statement statement, Wording wording) {
            return new SentenceView(statement.rule(), statement.render(wording));
        }

        static List<SentenceView> of(List<Statement> statements, Wording wording) {
            return statements.stream().map(s -> of(s, wording)).toList();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(
            String orderId,
            String marketplace,
            String status,
            String closeReason,
            LocalDate closedOn,
            long version,
            String currency,
            String orderTotal,
            String refunded,
            String remaining,
            String refundStanding,
            List<RefundView> refunds,
            List<ArrivalView> arrivals,
            LateArrivalFollowUpView lateArrival,
            String replacementOrderId,
            ClaimView claim,
            SetAsideView setAside,
            AttentionView nextAttention,
            List<HistoryView> history) {

        static CaseView of(ClaimCase c, Language language) {
            var ledger = c.ledger();
            Wording wording = Wording.of(language, c.facts().marketplace());
            return new CaseView(c.orderId(), c.facts().marketplace().name(), c.status().name(),
                    c.closeReason() == null ? null : c.closeReason().name(), c.closedOn(), c.version(),
                    ledger.orderTotal().currency().getCurrencyCode(), ledger.orderTotal().amount().toPlainString(),
                    ledger.refunded().amount().toPlainString(), ledger.remaining().amount().toPlainString(),
                    ledger.standing().name(), ledger.refunds().stream().map(RefundView::of).toList(),
                    c.arrivals().stream().map(a -> new ArrivalView(a.deliveredOn(), a.source().name(), a.recordedOn())).toList(),
                    LateArrivalFollowUpView.of(c), c.followUps().replacementOrderId(),
                    ClaimView.of(c.claim(), c.facts().marketplace().zone()), SetAsideView.of(c.setAside()),
                    c.nextAttention().map(a -> new AttentionView(a.on(), a.kind().name())).orElse(null),
                    c.history().stream().map(h -> HistoryView.of(h, wording)).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefundView(String refundId, String amount, boolean full, boolean reorderRequested, String reason, LocalDate refundedOn) {
        static RefundView of(Refund r) {
            return new RefundView(r.refundId(), r.amount().amount().toPlainString(), r.requestedFull(), r.reorderRequested(),
                    r.reason(), r.refundedOn());
        }
    }

    public record ArrivalView(LocalDate deliveredOn, String source, LocalDate recordedOn) {
    }

    /**
     * After a late arrival: whether Amazon's re-charge needs the buyer's consent (R3) and what the buyer said
     * (CONSENT_GIVEN, CONSENT_REFUSED, or null while pending), whether a return is needed (R7) and was received.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LateArrivalFollowUpView(LocalDate deliveredOn, boolean consentNeeded, String consent,
                                          boolean returnNeeded, boolean returnReceived) {
        static LateArrivalFollowUpView of(ClaimCase c) {
            if (!c.arrivedAfterRefund()) {
                return null;
            }
            return new LateArrivalFollowUpView(c.deliveredOn().orElseThrow(), c.consentNeeded(),
                    c.followUps().consent() == null ? null : c.followUps().consent().name(),
                    c.returnNeeded(), c.followUps().returnReceived());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /**
     * The claim: when it was filed (its day; its instant when known), Amazon's reference, when the desk recorded it; by
     * when the seller answers Amazon ({@code respondBy}, R9, while the claim is pending) and when it did
     * ({@code respondedAt}); the outcome and its day; and, once granted, the last day to appeal ({@code appealBy}, R10).
     */
    public record ClaimView(LocalDate filedOn, Instant filedAt, String reference, LocalDate recordedOn, Instant respondBy,
                            Instant respondedAt, String outcome, LocalDate decidedOn, LocalDate appealBy) {
        static ClaimView of(Claim claim, ZoneId zone) {
            return claim == null ? null : new ClaimView(claim.filedOn(), claim.filedAt(), claim.reference(), claim.recordedOn(),
                    claim.pending() ? claim.respondBy(zone) : null, claim.respondedAt(),
                    claim.outcome() == null ? null : claim.outcome().name(), claim.decidedOn(), claim.appealBy().orElse(null));
        }
    }

    /** The seller's last setting aside of the case: until when, why, and when it was recorded. */
    public record SetAsideView(LocalDate until, String note, LocalDate recordedOn) {
        static SetAsideView of(io.claimdesk.policy.SetAside aside) {
            return aside == null ? null : new SetAsideView(aside.until(), aside.note().name(), aside.recordedOn());
        }
    }

    /** A change of recordClaim or setAside: whether it was a replay, what the desk said of it, and the case after it. */
    public record ChangeView(boolean replay, List<SentenceView> says, CaseView caseView) {
        static ChangeView of(CaseService.ChangeResult r, Language language) {
            Wording wording = Wording.of(language, r.after().facts().marketplace());
            return new ChangeView(r.replay(), r.added().stream().flatMap(h -> SentenceView.of(h.statements(), wording).stream())
                    .toList(), CaseView.of(r.after(), language));
        }
    }

    /**
     * What the case holds for the seller's answer to an A-to-z Guarantee claim: the carrier and what was bought
     * from it, the carrier's delivery scan, the refunds with their dates and amounts, and the arrival.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvidenceView(String carrier, boolean tracked, boolean insured, String carrierStatus, LocalDate deliveryScanOn,
                               List<RefundView> refunds, ArrivalView arrival) {
        static EvidenceView of(ClaimCase c) {
            var shipment = c.facts().shipment();
            return new EvidenceView(shipment.carrier(), shipment.tracked(), shipment.insured(), shipment.status().name(),
                    c.arrival(ArrivalSource.CARRIER).map(Arrival::deliveredOn).orElse(null),
                    c.ledger().refunds().stream().map(RefundView::of).toList(),
                    c.arrival(ArrivalSource.BUYER).or(() -> c.arrival(ArrivalSource.SELLER))
                            .map(a -> new ArrivalView(a.deliveredOn(), a.source().name(), a.recordedOn())).orElse(null));
        }
    }

    public record AttentionView(LocalDate on, String kind) {
    }

    public record HistoryView(Instant at, String by, String event, List<Rule> rules, List<SentenceView> says) {
        static HistoryView of(HistoryEntry h, Wording wording) {
            return new HistoryView(h.at(), h.by(), h.event(), h.rules(), SentenceView.of(h.statements(), wording));
        }
    }

    public record WindowView(LocalDate opensOn, LocalDate deadline) {
    }

    /** NOT_YET_OPEN with daysUntilOpen, OPEN with daysLeft, or LATE with daysPast (a late claim may still be accepted). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhaseView(String name, Long daysUntilOpen, Long daysLeft, Long daysPast) {
        static PhaseView of(ClaimPhase phase) {
            if (phase instanceof ClaimPhase.NotYetOpen n) {
                return new PhaseView("NOT_YET_OPEN", n.daysUntilOpen(), null, null);
            }
            if (phase instanceof ClaimPhase.Open o) {
                return new PhaseView("OPEN", null, o.daysLeft(), null);
            }
            return new PhaseView("LATE", null, null, ((ClaimPhase.Late) phase).daysPast());
        }
    }

    /** {@code draft}: for CONTACT_BUYER, REFUND and REFUND_AND_REORDER, the message to send the buyer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionView(String kind, int rank, List<Rule> rules, List<SentenceView> consequences, DraftView draft) {
        static OptionView of(ResolutionOption o, Wording wording) {
            return new OptionView(o.kind().name(), o.rank(), o.rules(), SentenceView.of(o.consequences(), wording),
                    DraftView.of(o.draft()));
        }
    }

    /**
     * A message the seller may send the buyer as it is: {@code purpose} (CONTACT_BUYER, REFUND_DONE,
     * REFUND_DONE_REORDER, ASK_CONSENT_TO_CHARGE, ARRANGE_RETURN), the rule behind it, the buyer's language (the
     * marketplace's, whatever {@code language} the seller reads) and the text, lines separated by "\n", the
     * seller's signature to fill in on the last line.
     */
    public record DraftView(String purpose, Rule rule, String language, String text) {
        static DraftView of(Draft d) {
            return d == null ? null : new DraftView(d.purpose().name(), d.rule(), d.language().code(), d.text());
        }

        static List<DraftView> of(List<Draft> drafts) {
            return drafts.isEmpty() ? null : drafts.stream().map(DraftView::of).toList();
        }
    }

    /** {@code evidence} is there once a claim is recorded: what the seller answers it with. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvaluationView(
            String orderId,
            LocalDate asOf,
            String language,
            WindowView claimWindow,
            PhaseView phase,
            List<OptionView> options,
            List<SentenceView> explanation,
            EvidenceView evidence,
            CaseView caseView) {

        static EvaluationView of(ClaimCase c, ClaimEvaluation e, Language language) {
            Wording wording = Wording.of(language, c.facts().marketplace());
            return new EvaluationView(c.orderId(), e.asOf(), language.code(),
                    new WindowView(e.window().opensOn(), e.window().deadline()), PhaseView.of(e.phase()),
                    e.options().stream().map(o -> OptionView.of(o, wording)).toList(),
                    SentenceView.of(e.statements(), wording), c.claim() == null ? null : EvidenceView.of(c), CaseView.of(c, language));
        }

        /** The same, without {@code caseView}: for an answer that gives the case beside it (caseDesk). */
        EvaluationView withoutCase() {
            return new EvaluationView(orderId, asOf, language, claimWindow, phase, options, explanation, evidence, null);
        }
    }

    /**
     * {@code draft}: the message telling the buyer of this refund (REFUND_DONE, or REFUND_DONE_REORDER); none
     * once the buyer said the order arrived.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefundResultView(RefundView refund, boolean replay, DraftView draft, CaseView caseView) {
        static RefundResultView of(CaseService.RefundResult r, Language language) {
            return new RefundResultView(RefundView.of(r.refund()), r.replay(),
                    Draft.afterRefund(r.after(), r.refund()).map(DraftView::of).orElse(null), CaseView.of(r.after(), language));
        }
    }

    /** What flagLateArrival answers: {@code arrival} for an arrival report, {@code followUp} for a follow-up, {@code sweep} for a scheduled event. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LateArrivalView(ArrivalDecisionView arrival, FollowUpView followUp, SweepView sweep) {
        static LateArrivalView arrival(ArrivalDecisionView arrival) {
            return new LateArrivalView(arrival, null, null);
        }

        static LateArrivalView followUp(FollowUpView followUp) {
            return new LateArrivalView(null, followUp, null);
        }

        static LateArrivalView sweep(SweepView sweep) {
            return new LateArrivalView(null, null, sweep);
        }
    }

    /**
     * {@code decision}: ASK_CONSENT_TO_CHARGE, ARRANGE_RETURN or ASK_CONSENT_AND_ARRANGE_RETURN after a refund
     * (R3, R7); RECEIPT_CONFIRMED; DELIVERY_EVIDENCE (a carrier scan, the case stays open); ARRIVED_BEFORE_REFUND.
     * {@code drafts}, after a late arrival: the messages to the buyer asking consent to Amazon's re-charge and
     * arranging the return, while those are not recorded.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArrivalDecisionView(String decision, boolean replay, LocalDate refundedAfterArrivalOn,
                                      List<SentenceView> nextSteps, List<DraftView> drafts, CaseView caseView) {
        static ArrivalDecisionView of(CaseService.ArrivalResult r, Language language) {
            ArrivalDecision d = r.decision();
            LocalDate refundedAfter = null;
            if (d instanceof ArrivalDecision.LateArrival late) {
                refundedAfter = late.laterRefund().map(Refund::refundedOn).orElse(null);
            } else if (d instanceof ArrivalDecision.ArrivedBeforeRefund before) {
                refundedAfter = before.firstRefund().refundedOn();
            }
            Wording wording = Wording.of(language, r.after().facts().marketplace());
            return new ArrivalDecisionView(d.code(), r.replay(), refundedAfter, SentenceView.of(d.statements(), wording),
                    d instanceof ArrivalDecision.LateArrival ? DraftView.of(Draft.afterArrival(r.after())) : null,
                    CaseView.of(r.after(), language));
        }
    }

    /** A follow-up recorded (or replayed), what the desk said of it, and the case. */
    public record FollowUpView(String followUp, boolean replay, List<SentenceView> says, CaseView caseView) {
        static FollowUpView of(FollowUp kind, CaseService.FollowUpResult r, Language language) {
            String event = Lifecycle.Event.of(kind).name();
            List<SentenceView> says = r.after().history().stream().filter(h -> h.event().equals(event))
                    .reduce((first, second) -> second)
                    .map(h -> SentenceView.of(h.statements(), Wording.of(language, r.after().facts().marketplace())))
                    .orElse(List.of());
            return new FollowUpView(kind.name(), r.replay(), says, CaseView.of(r.after(), language));
        }
    }

    public record SweepView(Instant time, int examined, int changed, int closed, boolean complete, List<String> changedOrders) {
        static SweepView of(CaseService.SweepReport r) {
            return new SweepView(r.time(), r.examined(), r.changed(), r.closed(), r.complete(), r.changedOrders());
        }
    }

    /**
     * What a function answers, always as a successful invocation: its view, or the refusal of the call
     * ({@link Refused}). The JSON is the view alone, unchanged, or {@code {"refusal": {...}}}. Generic, not an
     * interface over the views: Funqy writes the answer with a writer for the method's declared return type,
     * and Jackson would serialise an interface type by its own (empty) properties.
     */
    public record Answer<T>(T view, Refused refused) {

        static <T> Answer<T> of(T view) {
            return new Answer<>(view, null);
        }

        static <T> Answer<T> refused(Refusal refusal) {
            return new Answer<>(null, Refused.of(refusal));
        }

        @JsonValue
        Object json() {
            return refused != null ? refused : view;
        }
    }

    /** A refused call's answer: {@code {"refusal":{"status":422,"code":"...","field":"..." or null,"message":"..."}}}. */
    public record Refused(RefusalView refusal) {
        static Refused of(Refusal r) {
            return new Refused(new RefusalView(FunctionError.statusOf(r.code()), r.code().name(), r.field(), r.getMessage()));
        }
    }

    /** The HTTP status the API answers with, the stable code, the field at fault ({@code null} when none) and the message. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RefusalView(int status, String code, String field, String message) {
    }
}
