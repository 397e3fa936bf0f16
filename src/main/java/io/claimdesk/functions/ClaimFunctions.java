package io.claimdesk.functions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.cases.CaseDesk;
import io.claimdesk.cases.CaseEvents;
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
 * The functions. Each is thin: read and validate its JSON, call the case service (which asks the
 * policy and writes conditionally) or, for caseDesk, the read-only desk, and shape the answer. Each answers an HTTP
 * API request from API Gateway and a direct invocation with its own JSON alike ({@link #answer}). One deployment
 * exports one of them ({@code QUARKUS_FUNQY_EXPORT}); all share this code and one function.zip.
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

    @Inject
    HttpEdge edge;

    @Inject
    LambdaEvents lambdaEvents;

    @Inject
    Notifications notifications;

    @Inject
    CaseEvents events;

    /** Opens or updates the case for an order reported as not received, and says where the buyer stands (R1-R8). */
    @Funq(CaseTable.EVALUATE_CLAIM)
    public Object evaluateClaim(JsonNode event) {
        return answer(CaseTable.EVALUATE_CLAIM, event, (json, by) -> {
            EvaluateClaimInput in = inputs.read(json, EvaluateClaimInput.class);
            if (in.orderId() != null) {
                MDC.put("orderId", in.orderId());
            }
            OrderFacts facts = toFacts(in);
            ClaimCase c = cases.evaluate(facts, toClaim(in.claim()), by);
            LocalDate asOf = in.asOf() != null ? in.asOf() : facts.marketplace().dateOf(Instant.now());
            Language language = language(in.language(), facts.marketplace());
            return Views.EvaluationView.of(c, ClaimPolicy.evaluate(c, asOf), language);
        });
    }

    /** Records a full or partial refund exactly once (R3, R7). */
    @Funq(CaseTable.RECORD_REFUND)
    public Object recordRefund(JsonNode event) {
        return answer(CaseTable.RECORD_REFUND, event, (json, by) -> {
            RecordRefundInput in = inputs.read(json, RecordRefundInput.class);
            MDC.put("orderId", in.orderId());
            RefundRequest request = RefundRequest.of(in.refundId(), in.amount(), in.currency(),
                    Boolean.TRUE.equals(in.reorderRequested()), in.reason(), in.refundedOn());
            CaseService.RefundResult result = cases.refund(in.orderId(), request, by);
            return Views.RefundResultView.of(result, language(in.language(), result.after().facts().marketplace()));
        });
    }

    /**
     * Records that the original parcel arrived, or what followed a late arrival (R3, R7); given EventBridge's
     * Scheduled Event, sweeps the due cases.
     */
    @Funq(CaseTable.FLAG_LATE_ARRIVAL)
    public Object flagLateArrival(JsonNode event) {
        // Told from the event itself: only the schedule's direct invocation sweeps, never a body sent to the API.
        boolean scheduled = ScheduledEvent.isOne(event);
        return answer(CaseTable.FLAG_LATE_ARRIVAL, event, (json, by) -> {
            if (scheduled) {
                Instant time = inputs.read(json, ScheduledEvent.class).time();
                return Views.LateArrivalView.sweep(Views.SweepView.of(cases.sweep(time, by)));
            }
            ArrivalInput in = inputs.read(json, ArrivalInput.class);
            MDC.put("orderId", in.orderId());
            if (in.followUp() != null) {
                CaseService.FollowUpResult result = cases.followUp(in.orderId(), in.followUp(), in.replacementOrderId(), by);
                return Views.LateArrivalView.followUp(Views.FollowUpView.of(in.followUp(), result,
                        language(in.language(), result.after().facts().marketplace())));
            }
            CaseService.ArrivalResult result = cases.arrive(in.orderId(), in.deliveredOn(), in.source(), by);
            return Views.LateArrivalView.arrival(Views.ArrivalDecisionView.of(result,
                    language(in.language(), result.after().facts().marketplace())));
        });
    }

    /** R6, R9: the buyer's claim on an existing case, the seller's answer to Amazon, the claim's outcome. */
    @Funq(CaseTable.RECORD_CLAIM)
    public Object recordClaim(JsonNode event) {
        return answer(CaseTable.RECORD_CLAIM, event, (json, by) -> {
            RecordClaimInput in = inputs.read(json, RecordClaimInput.class);
            MDC.put("orderId", in.orderId());
            CaseService.ChangeResult result = cases.recordClaim(in.orderId(), new ClaimCase.ClaimUpdate(in.filedOn(),
                    in.filedAt(), in.reference(), in.respondedAt(), in.outcome(), in.decidedOn()), by);
            return Views.ChangeView.of(result, language(in.language(), result.after().facts().marketplace()));
        });
    }

    /** The seller sets a case aside until a day, with a note: it leaves the to-do list until then (never past a hard deadline). */
    @Funq(CaseTable.SET_ASIDE)
    public Object setAside(JsonNode event) {
        return answer(CaseTable.SET_ASIDE, event, (json, by) -> {
            SetAsideInput in = inputs.read(json, SetAsideInput.class);
            MDC.put("orderId", in.orderId());
            CaseService.ChangeResult result = cases.setAside(in.orderId(), in.until(), in.note(), by);
            return Views.ChangeView.of(result, language(in.language(), result.after().facts().marketplace()));
        });
    }

    /**
     * Read-only: with {@code orderId}, the case with its full history, where the buyer stands today, and its timeline
     * (GET /cases/{orderId}); without,
     * the cases that need the seller on or before a day, one page at a time (GET /cases). Writes nothing.
     */
    @Funq(CaseTable.CASE_DESK)
    public Object caseDesk(JsonNode event) {
        return answer(CaseTable.CASE_DESK, event, (json, by) -> {
            CaseDeskInput in = inputs.read(json, CaseDeskInput.class);
            Language requested = in.language();
            if (in.orderId() != null) {
                MDC.put("orderId", in.orderId());
                ClaimCase c = desk.find(in.orderId());
                // Where the buyer stands today, in the marketplace's zone, as evaluateClaim says it when given no asOf.
                return DeskViews.DeskView.of(c, requested != null ? requested : c.facts().marketplace().defaultLanguage(),
                        Instant.now());
            }
            CaseDesk.Listing listing = new CaseDesk.Listing(in.attention(), in.marketplace(), in.status(),
                    in.limit() == null ? CaseDesk.MAX_PAGE : in.limit());
            Instant now = Instant.now();
            return DeskViews.DeskView.of(desk.attention(listing, in.next(), now), in.attention(), requested, now);
        });
    }

    /**
     * SP-API notifications from an SQS queue (Lambda's event source mapping hands a batch): an order change applied to
     * its order's case, a tracking milestone to the cases whose shipment carries its tracking id; any other type skipped.
     * Answers the messages to retry ({@code batchItemFailures}, the mapping says ReportBatchItemFailures): one that
     * cannot be read (after the queue's retries it reaches the dead-letter queue) and one the store could not take now.
     * A change the policy refuses, or one for an order without a case, is logged and not retried. No message body is
     * ever logged.
     */
    @Funq(CaseTable.SPAPI_NOTIFICATIONS)
    public Object spapiNotifications(JsonNode event) {
        if (!LambdaEvents.isSqs(event)) {
            return answer(CaseTable.SPAPI_NOTIFICATIONS, event, (json, by) -> {
                throw Refusal.invalid("Records", "spapiNotifications takes Lambda's SQS event of SP-API notifications");
            });
        }
        MDC.put("function", CaseTable.SPAPI_NOTIFICATIONS);
        RoundTrips.start();
        try {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            List<SQSEvent.SQSMessage> messages = lambdaEvents.sqs(event).getRecords();
            for (SQSEvent.SQSMessage message : messages) {
                if (!notifications.handle(message.getMessageId(), message.getBody())) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            LOG.infof("%s done: %s; %d message(s), %d to retry", CaseTable.SPAPI_NOTIFICATIONS, figures(), messages.size(),
                    failures.size());
            return new SQSBatchResponse(failures);
        } finally {
            MDC.remove("orderId");
            MDC.remove("function");
        }
    }

    /**
     * The table's stream (NEW_AND_OLD_IMAGES, from Lambda's event source mapping): the history entries each change added
     * become events on the bus ({@link CaseEvents}), in order. Answers the first record whose events are not all
     * published ({@code batchItemFailures}; the mapping says ReportBatchItemFailures, and bisects, retries and finally
     * sends what still fails to its on-failure destination). Invoked directly with {@code {"orderId", "fromIndex"}}, it
     * publishes again the events of that case's history, under the same ids.
     */
    @Funq(CaseTable.PUBLISH_CHANGES)
    public Object publishChanges(JsonNode event) {
        if (!LambdaEvents.isStream(event)) {
            return answer(CaseTable.PUBLISH_CHANGES, event, (json, by) -> {
                RepublishInput in = inputs.read(json, RepublishInput.class);
                MDC.put("orderId", in.orderId());
                CaseEvents.Republished done = events.republish(in.orderId(), in.fromIndex() == null ? 0 : in.fromIndex())
                        .orElseThrow(() -> new Refusal(io.claimdesk.policy.RefusalCode.CASE_NOT_FOUND, "orderId",
                                "no case for order " + in.orderId()));
                return done;
            });
        }
        MDC.put("function", CaseTable.PUBLISH_CHANGES);
        RoundTrips.start();
        try {
            List<DynamodbEvent.DynamodbStreamRecord> records = lambdaEvents.stream(event).getRecords();
            List<CaseEvents.Change> changes = new ArrayList<>();
            String unreadable = null;
            for (DynamodbEvent.DynamodbStreamRecord record : records) {
                String position = record.getDynamodb().getSequenceNumber();
                try {
                    changes.add(CaseEvents.change(position, LambdaEvents.image(record.getDynamodb().getOldImage()),
                            LambdaEvents.image(record.getDynamodb().getNewImage())));
                } catch (RuntimeException e) {
                    // The record and all after it are read again; after the mapping's retries it goes to its destination.
                    LOG.errorf("%s: stream record %s is not a case the desk can read (%s)", CaseEvents.NOT_PUBLISHED, position,
                            e.getClass().getSimpleName());
                    unreadable = position;
                    break;
                }
            }
            CaseEvents.Published published = events.publish(changes);
            String failedAt = published.failedAt() != null ? published.failedAt() : unreadable;
            LOG.infof("%s done: %s; %d record(s), %d event(s) in %d PutEvents call(s)%s", CaseTable.PUBLISH_CHANGES, figures(),
                    records.size(), published.events(), published.calls(), failedAt == null ? "" : "; to retry from " + failedAt);
            return new StreamsEventResponse(failedAt == null ? List.of() : List.of(new StreamsEventResponse.BatchItemFailure(failedAt)));
        } finally {
            MDC.remove("function");
        }
    }

    /**
     * Runs one invocation and answers it the way it came. An HTTP API request through API Gateway
     * ({@link HttpEdge#isRequest}) is decoded into the function's input and answered with status, headers and body,
     * a store failure included (503 with Retry-After). A direct invocation (the schedule, the CLI, a script) gives the
     * function's own JSON and gets the view or {@code {"refusal": ...}}; a store that stays unavailable is then a real
     * failure, a Lambda error, which Lambda counts, retries for an asynchronous invoker, and its runtime logs.
     * <p>
     * Each invocation is logged with its DynamoDB round trips. A refusal is an answer, not a failure: logged at INFO
     * under its code and field. A store failure is logged at ERROR with {@value FunctionError#STORE_UNAVAILABLE}, the
     * line the template's alarm counts.
     */
    private Object answer(String function, JsonNode event, BiFunction<JsonNode, String, Object> body) {
        boolean http = HttpEdge.isRequest(event);
        Route route = http ? HttpEdge.routeOf(event, function).orElse(null) : null;
        if (http && route == null) {
            LOG.warnf("%s: no route %s here", function, event.path("routeKey").asText());
            return HttpEdge.noRoute();
        }
        MDC.put("function", function);
        RoundTrips.start();
        try {
            // Before the input is read, so that a refused input is logged under its order too; only a valid id.
            logUnder(http ? event.path("pathParameters") : event);
            if (http) {
                // Before the body is read: a reader's write is refused whatever it holds.
                HttpEdge.permit(route, event);
            }
            JsonNode input = http ? edge.input(route, event) : event;
            logUnder(input);
            // Who made the change, as the case's history records it: the caller API Gateway authenticated, else the function.
            String by = http ? HttpEdge.caller(event).orElse(function) : function;
            Object view = body.apply(input, by);
            LOG.infof("%s done: %s", function, figures());
            return http ? edge.ok(view) : Views.Answer.of(view);
        } catch (Refusal r) {
            LOG.infof("%s: %s; refused: %s %s", function, figures(), r.code(), r.field() == null ? "-" : r.field());
            return http ? edge.refused(r) : Views.Answer.refused(r);
        } catch (StoreUnavailable e) {
            LOG.errorf("%s: %s: %s", function, FunctionError.STORE_UNAVAILABLE, e.getMessage());
            String message = e.getMessage() + "; retry the same call: a change already recorded is recognised, never applied twice";
            if (http) {
                return edge.unavailable(message);
            }
            throw new FunctionError(503, FunctionError.STORE_UNAVAILABLE, null, message, e);
        } finally {
            MDC.remove("orderId");
            MDC.remove("function");
        }
    }

    private static void logUnder(JsonNode json) {
        JsonNode orderId = json == null ? null : json.get("orderId");
        if (orderId != null && orderId.isTextual() && Fields.ID.matcher(orderId.asText()).matches()) {
            MDC.put("orderId", orderId.asText());
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
                : new Shipment(order.shipment().carrier(), order.shipment().tracked(), false, order.shipment().status(), false,
                false, order.shipment().trackingId());
        return new OrderFacts(order.orderId(), marketplace, order.fulfilment(), marketplace.dateOf(order.orderedAt()),
                maxDelivery, in.serviceDate(), total, shipment, in.reportedOn());
    }

    private static Shipment shipment(EvaluateClaimInput.Shipment s) {
        return s == null ? Shipment.none() : new Shipment(s.carrier(), Boolean.TRUE.equals(s.tracking()),
                Boolean.TRUE.equals(s.insured()), s.status() == null ? io.claimdesk.policy.CarrierStatus.UNKNOWN : s.status(),
                Boolean.TRUE.equals(s.claimsProtected()), Boolean.TRUE.equals(s.shippedOnTime()), s.trackingId());
    }

    static ClaimCase.ClaimReport toClaim(EvaluateClaimInput.Claim claim) {
        return claim == null ? null
                : new ClaimCase.ClaimReport(claim.filedOn(), claim.filedAt(), claim.reference(), claim.outcome(), claim.decidedOn());
    }

    private static Language language(Language requested, Marketplace marketplace) {
        return requested == null ? marketplace.defaultLanguage() : requested;
    }
}
