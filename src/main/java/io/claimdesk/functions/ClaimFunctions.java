package io.claimdesk.functions;

import java.time.LocalDate;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.cases.CaseDesk;
import io.claimdesk.cases.CaseService;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.cases.RoundTrips;
import io.claimdesk.cases.StoreUnavailable;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.ClaimPolicy;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Money;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.RefundRequest;
import io.claimdesk.policy.Refusal;
import io.claimdesk.policy.Shipment;
import io.quarkus.funqy.Funq;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The four functions. Each is thin: read and validate its JSON, call the case service (which asks the
 * policy and writes conditionally) or, for caseDesk, the read-only desk, and shape the answer. One deployment
 * exports one of them ({@code QUARKUS_FUNQY_EXPORT}); all four share this code and one function.zip.
 */
@jakarta.enterprise.context.ApplicationScoped
public class ClaimFunctions {

    private static final Logger LOG = Logger.getLogger(ClaimFunctions.class);

    @Inject
    Inputs inputs;

    @Inject
    CaseService cases;

    @Inject
    CaseDesk desk;

    /** Opens or updates the case for an order reported as not received, and says where the buyer stands (R1-R8). */
    @Funq(CaseTable.EVALUATE_CLAIM)
    public Views.Answer<Views.EvaluationView> evaluateClaim(JsonNode json) {
        return invoke(CaseTable.EVALUATE_CLAIM, json, () -> {
            EvaluateClaimInput in = inputs.read(json, EvaluateClaimInput.class);
            if (in.orderId() != null) {
                MDC.put("orderId", in.orderId());
            }
            OrderFacts facts = toFacts(in);
            ClaimCase c = cases.evaluate(facts, toClaim(in.claim()), CaseTable.EVALUATE_CLAIM);
            LocalDate asOf = in.asOf() != null ? in.asOf() : facts.marketplace().dateOf(java.time.Instant.now());
            Language language = language(in.language(), facts.marketplace());
            return Views.EvaluationView.of(c, ClaimPolicy.evaluate(c, asOf), language);
        });
    }

    /** Records a full or partial refund exactly once (R3, R7). */
    @Funq(CaseTable.RECORD_REFUND)
    public Views.Answer<Views.RefundResultView> recordRefund(JsonNode json) {
        return invoke(CaseTable.RECORD_REFUND, json, () -> {
            RecordRefundInput in = inputs.read(json, RecordRefundInput.class);
            MDC.put("orderId", in.orderId());
            RefundRequest request = RefundRequest.of(in.refundId(), in.amount(), in.currency(),
                    Boolean.TRUE.equals(in.reorderRequested()), in.reason(), in.refundedOn());
            CaseService.RefundResult result = cases.refund(in.orderId(), request, CaseTable.RECORD_REFUND);
            return Views.RefundResultView.of(result, language(in.language(), result.after().facts().marketplace()));
        });
    }

    /**
     * Records that the original parcel arrived, or what followed a late arrival (R3, R7); given EventBridge's
     * Scheduled Event, sweeps the due cases.
     */
    @Funq(CaseTable.FLAG_LATE_ARRIVAL)
    public Views.Answer<Views.LateArrivalView> flagLateArrival(JsonNode json) {
        return invoke(CaseTable.FLAG_LATE_ARRIVAL, json, () -> {
            if (ScheduledEvent.isOne(json)) {
                java.time.Instant time = inputs.read(json, ScheduledEvent.class).time();
                return Views.LateArrivalView.sweep(Views.SweepView.of(cases.sweep(time, CaseTable.FLAG_LATE_ARRIVAL)));
            }
            ArrivalInput in = inputs.read(json, ArrivalInput.class);
            MDC.put("orderId", in.orderId());
            if (in.followUp() != null) {
                CaseService.FollowUpResult result = cases.followUp(in.orderId(), in.followUp(), in.replacementOrderId(),
                        CaseTable.FLAG_LATE_ARRIVAL);
                return Views.LateArrivalView.followUp(Views.FollowUpView.of(in.followUp(), result,
                        language(in.language(), result.after().facts().marketplace())));
            }
            CaseService.ArrivalResult result = cases.arrive(in.orderId(), in.deliveredOn(), in.source(), CaseTable.FLAG_LATE_ARRIVAL);
            return Views.LateArrivalView.arrival(Views.ArrivalDecisionView.of(result,
                    language(in.language(), result.after().facts().marketplace())));
        });
    }

    /**
     * Read-only: with {@code orderId}, the case with its full history and timeline (GET /cases/{orderId}); without,
     * the cases that need the seller on or before a day, one page at a time (GET /cases). Writes nothing.
     */
    @Funq(CaseTable.CASE_DESK)
    public Views.Answer<DeskViews.DeskView> caseDesk(JsonNode json) {
        return invoke(CaseTable.CASE_DESK, json, () -> {
            CaseDeskInput in = inputs.read(json, CaseDeskInput.class);
            Language requested = in.language();
            if (in.orderId() != null) {
                MDC.put("orderId", in.orderId());
                ClaimCase c = desk.find(in.orderId());
                return DeskViews.DeskView.of(c, requested != null ? requested : c.facts().marketplace().defaultLanguage());
            }
            CaseDesk.Listing listing = new CaseDesk.Listing(in.attention(), in.marketplace(), in.status(),
                    in.limit() == null ? CaseDesk.MAX_PAGE : in.limit());
            return DeskViews.DeskView.of(desk.attention(listing, in.next(), java.time.Instant.now()), in.attention(), requested);
        });
    }

    /**
     * Logs each invocation with its DynamoDB round trips. A refusal is an answer, not a failure: logged at INFO
     * under its code and field, and returned as a successful invocation carrying it. A store that stays
     * unavailable is a real failure: a Lambda error (503), which Lambda counts and its runtime logs.
     */
    private static <T> Views.Answer<T> invoke(String function, JsonNode json, Supplier<T> body) {
        MDC.put("function", function);
        // Before the input is read, so that a refused input is logged under its order too; only a valid id.
        JsonNode orderId = json == null ? null : json.get("orderId");
        if (orderId != null && orderId.isTextual() && Fields.ID.matcher(orderId.asText()).matches()) {
            MDC.put("orderId", orderId.asText());
        }
        RoundTrips.start();
        try {
            T result = body.get();
            LOG.infof("%s done: %s", function, figures());
            return Views.Answer.of(result);
        } catch (Refusal r) {
            LOG.infof("%s: %s; refused: %s %s", function, figures(), r.code(), r.field() == null ? "-" : r.field());
            return Views.Answer.refused(r);
        } catch (StoreUnavailable e) {
            LOG.errorf("%s: store unavailable: %s", function, e.getMessage());
            throw new FunctionError(503, FunctionError.STORE_UNAVAILABLE, null, e.getMessage()
                    + "; retry the same call: a change already recorded is recognised, never applied twice", e);
        } finally {
            MDC.remove("orderId");
            MDC.remove("function");
        }
    }

    /** What the invocation did against DynamoDB, as the benchmarks and the tests read it from the log. */
    private static String figures() {
        RoundTrips.Meter meter = RoundTrips.current();
        return meter.calls() + " DynamoDB call(s) " + meter.operations() + ", " + meter.itemsRead() + " item(s) read, "
                + meter.nanosInCalls() / 1000 + " us in DynamoDB";
    }

    /** The order facts, from the fields written out or from an SP-API order; the policy checks them when it takes them. */
    static OrderFacts toFacts(EvaluateClaimInput in) {
        return in.spapiOrder() == null ? fromFields(in) : fromSpApiOrder(in);
    }

    private static OrderFacts fromFields(EvaluateClaimInput in) {
        Marketplace marketplace = in.marketplace();
        LocalDate orderDate = in.orderDate() != null ? in.orderDate() : marketplace.dateOf(in.orderedAt());
        Money total = Money.parse("orderTotal", in.orderTotal(), Marketplace.currencyNamed("currency", in.currency()));
        return new OrderFacts(in.orderId(), marketplace, in.fulfilment(), orderDate, in.maxDeliveryDate(), in.serviceDate(),
                total, shipment(in.shipment()), in.reportedOn());
    }

    /**
     * An SP-API order gives the order id, marketplace, order date, fulfilment, delivery window, total and
     * packages ({@link SpApiOrder}); the caller adds what it lacks or overrides it: maxDeliveryDate or
     * serviceDate, shipment, orderTotal with currency.
     */
    private static OrderFacts fromSpApiOrder(EvaluateClaimInput in) {
        SpApiOrder.Mapped order = SpApiOrder.map(in.spapiOrder());
        MDC.put("orderId", order.orderId());
        Marketplace marketplace = order.marketplace();
        LocalDate maxDelivery = in.maxDeliveryDate();
        if (maxDelivery == null && in.serviceDate() == null) {
            if (order.latestDeliveryAt() == null) {
                throw Refusal.invalid("maxDeliveryDate", "the SP-API order has no delivery window (Amazon gives LatestDeliveryDate or "
                        + "fulfillment.deliverByWindow only for seller-fulfilled orders past Pending): give maxDeliveryDate, or serviceDate for a service");
            }
            maxDelivery = marketplace.dateOf(order.latestDeliveryAt());
        }
        Money total;
        if (in.orderTotal() != null) {
            total = Money.parse("orderTotal", in.orderTotal(), Marketplace.currencyNamed("currency", in.currency()));
        } else if (order.orderTotal() != null) {
            total = Money.parse("orderTotal", order.orderTotal(), Marketplace.currencyNamed("currency", order.currency()));
        } else {
            throw Refusal.invalid("orderTotal", "the SP-API order carries no amount the buyer paid (in v2026-01-01, request "
                    + "includedData=PAYMENT): give orderTotal and currency");
        }
        Shipment shipment = in.shipment() != null ? shipment(in.shipment()) : order.shipment() == null ? Shipment.none()
                : new Shipment(order.shipment().carrier(), order.shipment().tracked(), false, order.shipment().status());
        return new OrderFacts(order.orderId(), marketplace, order.fulfilment(), marketplace.dateOf(order.orderedAt()),
                maxDelivery, in.serviceDate(), total, shipment, in.reportedOn());
    }

    private static Shipment shipment(EvaluateClaimInput.Shipment s) {
        return s == null ? Shipment.none() : new Shipment(s.carrier(), Boolean.TRUE.equals(s.tracking()),
                Boolean.TRUE.equals(s.insured()), s.status() == null ? io.claimdesk.policy.CarrierStatus.UNKNOWN : s.status());
    }

    static ClaimCase.ClaimReport toClaim(EvaluateClaimInput.Claim claim) {
        return claim == null ? null : new ClaimCase.ClaimReport(claim.filedOn(), claim.reference(), claim.outcome(), claim.decidedOn());
    }

    private static Language language(Language requested, Marketplace marketplace) {
        return requested == null ? marketplace.defaultLanguage() : requested;
    }
}
