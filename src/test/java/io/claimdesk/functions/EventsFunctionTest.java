package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.cases.EventBridgeCall;
import io.claimdesk.testing.DynamoDbCalls;
import io.claimdesk.testing.EventQueue;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Events out, read back as a consumer reads them: the local engine's EventBridge routes every claim-desk event
 * through a rule to an SQS queue ({@link EventQueue}). Each change stored is published once, with a stable id;
 * refused and replayed inputs publish nothing; a publish that fails after the write loses nothing, and the sweep
 * publishes it once. flagLateArrival is exported (through the Lambda mock event server); the other functions are
 * called as Java.
 */
@QuarkusTest
@TestProfile(FunctionProfile.PublishingEvents.class)
class EventsFunctionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String REASON = "Partial refund while the carrier searches for the parcel";

    @Inject
    ClaimFunctions functions;

    @BeforeEach
    void queue() {
        EventQueue.ensure();
    }

    private static List<String> detailTypes(List<JsonNode> events) {
        return events.stream().map(e -> e.path("detail-type").asText()).toList();
    }

    private static String sweepTime(long minutesFromNow) {
        return Instant.now().plus(minutesFromNow, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An order whose claim window opens in 8 days: nothing is due for the sweep before then. */
    private static ObjectNode recentOrder(String orderId) {
        LocalDate today = LocalDate.now(PARIS);
        ObjectNode event = Events.evaluate(orderId).put("orderDate", today.minusDays(2).toString())
                .put("maxDeliveryDate", today.plusDays(5).toString());
        event.remove("reportedOn");
        event.remove("asOf");
        return event;
    }

    @Test
    void theReadmeWalkthroughPublishesEachRecordedChangeOnce() {
        String orderId = Events.newOrderId();
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        assertThat(EventQueue.of(orderId)).as("opening a case is not announced").isEmpty();

        Answers.json(functions.recordRefund(Events.refund(orderId)));
        assertThat(Answers.json(functions.recordRefund(Events.refund(orderId))).path("replay").asBoolean()).isTrue();
        Lambda.ok(Events.arrival(orderId));
        assertThat(Lambda.ok(Events.arrival(orderId)).path("arrival").path("replay").asBoolean()).isTrue();
        ObjectNode consent = Events.JSON.createObjectNode().put("orderId", orderId).put("followUp", "CONSENT_GIVEN");
        Lambda.ok(consent);
        assertThat(Lambda.ok(consent).path("followUp").path("replay").asBoolean()).isTrue();
        Lambda.ok(Events.sweep().put("time", Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));

        List<JsonNode> events = EventQueue.of(orderId);
        assertThat(detailTypes(events)).containsExactly("Refund recorded", "Arrival reported", "Consent given");
        assertThat(events).allSatisfy(e -> assertThat(e.path("source").asText()).isEqualTo("claim-desk"));
        List<JsonNode> details = events.stream().map(e -> e.path("detail")).toList();
        assertThat(details).extracting(d -> d.path("id").asText())
                .containsExactly(orderId + "/1", orderId + "/2", orderId + "/3");
        assertThat(details).extracting(d -> d.path("statusBefore").asText() + "->" + d.path("statusAfter").asText())
                .containsExactly("OPEN->OPEN", "OPEN->LATE_ARRIVAL_FLAGGED", "LATE_ARRIVAL_FLAGGED->CLOSED");
        JsonNode refund = details.get(0);
        assertThat(refund.path("event").asText()).isEqualTo("REFUND_RECORDED");
        assertThat(refund.path("marketplace").asText()).isEqualTo("FR");
        assertThat(refund.path("rules").toString()).isEqualTo("[\"R3\"]");
        assertThat(refund.path("nextAttention").asText()).isEqualTo("2026-03-13");
        assertThat(refund.path("nextAttentionKind").asText()).isEqualTo("CLAIM_WINDOW_OPENS");
        assertThat(details.get(1).path("nextAttention").asText())
                .isEqualTo(LocalDate.now(PARIS).plusDays(7).toString());
        assertThat(details.get(2).path("closeReason").asText()).isEqualTo("LATE_ARRIVAL_SETTLED");
        assertThat(details.get(2).path("nextAttention").isNull()).isTrue();
        assertThat(refund.fieldNames()).toIterable().containsExactly("id", "orderId", "marketplace", "event", "historyIndex",
                "at", "statusBefore", "statusAfter", "closeReason", "rules", "nextAttention", "nextAttentionKind");
        assertThat(EventQueue.textOf(orderId)).as("no free text, no buyer data").doesNotContain(REASON).doesNotContain("rf-0001");
        assertThat(StoredCase.of(orderId).item()).as("nothing left to publish").doesNotContainKey("outbox");
    }

    @Test
    void theSweepPublishesEachChangeItMakesOnce() {
        String orderId = Events.newOrderId(); // window 2026-03-13..2026-06-08: both have passed
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        String time = sweepTime(60);

        Lambda.ok(Events.sweep().put("time", time));
        Lambda.ok(Events.sweep().put("time", time));
        Lambda.ok(Events.sweep().put("time", sweepTime(24 * 60)));

        List<JsonNode> events = EventQueue.of(orderId);
        assertThat(detailTypes(events)).containsExactly("Claim window opened", "Claim deadline passed");
        JsonNode opened = events.get(0).path("detail");
        assertThat(opened.path("statusBefore").asText()).isEqualTo("OPEN");
        assertThat(opened.path("statusAfter").asText()).isEqualTo("OPEN");
        assertThat(opened.path("nextAttention").asText()).isEqualTo("2026-06-09");
        assertThat(opened.path("rules").toString()).isEqualTo("[\"R6\"]");
        JsonNode passed = events.get(1).path("detail");
        assertThat(passed.path("statusAfter").asText()).isEqualTo("CLOSED");
        assertThat(passed.path("closeReason").asText()).isEqualTo("CLAIM_DEADLINE_PASSED");
        assertThat(passed.path("id").asText()).isEqualTo(orderId + "/" + passed.path("historyIndex").asInt());
        assertThat(passed.path("historyIndex").asInt()).isEqualTo(opened.path("historyIndex").asInt() + 1);
    }

    @Test
    void aClaimItsAnswerDueAndItsDecisionArePublished() {
        String orderId = Events.newOrderId();
        Answers.json(functions.evaluateClaim(recentOrder(orderId)));
        LocalDate today = LocalDate.now(PARIS);
        ObjectNode filed = recentOrder(orderId);
        filed.putObject("claim").put("filedOn", today.toString()).put("reference", "AZ-42");
        Answers.json(functions.evaluateClaim(filed));
        Answers.json(functions.evaluateClaim(filed));
        Lambda.ok(Events.sweep().put("time", sweepTime(60)));
        ObjectNode granted = recentOrder(orderId);
        granted.putObject("claim").put("filedOn", today.toString()).put("reference", "AZ-42").put("outcome", "GRANTED");
        Answers.json(functions.evaluateClaim(granted));

        List<JsonNode> events = EventQueue.of(orderId);
        assertThat(detailTypes(events)).containsExactly("Claim filed", "Claim response due", "Claim granted");
        assertThat(events.get(0).path("detail").path("statusAfter").asText()).isEqualTo("CLAIM_FILED");
        assertThat(events.get(0).path("detail").path("nextAttentionKind").asText()).isEqualTo("CLAIM_RESPONSE_DUE");
        assertThat(events.get(2).path("detail").path("closeReason").asText()).isEqualTo("CLAIM_GRANTED");
        assertThat(EventQueue.textOf(orderId)).as("Amazon's claim reference is not in the events").doesNotContain("AZ-42");
    }

    @Test
    void refusedAndReplayedInputsPublishNothing() {
        String orderId = Events.newOrderId();
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        Answers.json(functions.recordRefund(Events.refund(orderId)));
        StoredCase before = StoredCase.of(orderId);
        int received = EventQueue.of(orderId).size();

        List<ObjectNode> refused = List.of(
                Events.refund(orderId).put("refundId", "rf-big").put("amount", "100.00"),
                Events.refund(orderId).put("amount", "25.00"),
                Events.refund(orderId).put("refundId", "rf-early").put("refundedOn", "2026-02-01"),
                Events.refund(Events.newOrderId()));
        for (ObjectNode event : refused) {
            assertThat(Events.JSON.valueToTree(functions.recordRefund(event)).has("refusal")).as(event.toString()).isTrue();
        }
        assertThat(Lambda.refusal(Events.arrival(orderId).put("deliveredOn", "2026-02-01")).has("refusal")).isTrue();
        assertThat(Lambda.refusal(Events.JSON.createObjectNode().put("orderId", orderId).put("followUp", "RETURN_RECEIVED"))
                .has("refusal")).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(Answers.json(functions.recordRefund(Events.refund(orderId))).path("replay").asBoolean()).isTrue();
            Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        }

        assertThat(EventQueue.of(orderId)).hasSize(received).hasSize(1);
        assertThat(StoredCase.of(orderId)).isEqualTo(before);
    }

    @Test
    void publishingAddsOneConditionalWriteAndAReplayNone() {
        String orderId = Events.newOrderId();
        DynamoDbCalls.reset();
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        assertThat(DynamoDbCalls.calls()).as("a new case announces nothing").containsExactly("GetItem", "PutItem");

        DynamoDbCalls.reset();
        Answers.json(functions.recordRefund(Events.refund(orderId)));
        assertThat(DynamoDbCalls.calls()).as("read, write with the outbox, empty the outbox")
                .containsExactly("GetItem", "PutItem", "PutItem");

        DynamoDbCalls.reset();
        Answers.json(functions.recordRefund(Events.refund(orderId)));
        assertThat(DynamoDbCalls.calls()).as("a replay").containsExactly("GetItem");

        DynamoDbCalls.reset();
        Lambda.ok(Events.arrival(orderId));
        assertThat(DynamoDbCalls.calls()).containsExactly("GetItem", "PutItem", "PutItem");
        assertThat(DynamoDbCalls.calls()).allSatisfy(op ->
                assertThat(CaseTable.ACTIONS_BY_FUNCTION.get(CaseTable.FLAG_LATE_ARRIVAL)).contains("dynamodb:" + op));
    }

    @Inject
    DynamoDbClient dynamo;

    @Inject
    ClaimDeskConfig config;

    @Inject
    ObjectMapper json;

    /**
     * EventBridge as the functions see it: the real local one, or a failure injected after the write, at the HTTP
     * exchange, so that the answer is read as a real one would be.
     */
    static final class FlakyEventBridge extends EventBridgeCall {
        volatile String failure;

        FlakyEventBridge(DynamoDbClient dynamo, ObjectMapper json, ClaimDeskConfig config) {
            super(dynamo, json, config);
        }

        @Override
        protected Answer send(SdkHttpRequest request, byte[] body) throws IOException {
            if ("unreachable".equals(failure)) {
                throw new ConnectException("injected: EventBridge cannot be reached");
            }
            if ("throttled".equals(failure)) {
                return answer(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded (injected)\"}");
            }
            if ("rejected".equals(failure)) {
                ArrayNode entries = Events.JSON.createArrayNode();
                Events.JSON.readTree(body).path("Entries").forEach(e ->
                        entries.addObject().put("ErrorCode", "InternalFailure").put("ErrorMessage", "injected"));
                ObjectNode answer = Events.JSON.createObjectNode().put("FailedEntryCount", entries.size());
                answer.set("Entries", entries);
                return answer(200, answer.toString());
            }
            return super.send(request, body);
        }

        private static Answer answer(int status, String body) {
            return new Answer(status, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPublishThatFailsAfterTheWriteLosesNothingAndTheSweepPublishesItOnce() {
        FlakyEventBridge events = new FlakyEventBridge(dynamo, json, config);
        QuarkusMock.installMockForType(events, EventBridgeCall.class);
        for (String failure : List.of("unreachable", "throttled", "rejected")) {
            String orderId = Events.newOrderId();
            Answers.json(functions.evaluateClaim(recentOrder(orderId)));
            events.failure = failure;
            ObjectNode refund = Events.refund(orderId);
            refund.remove("refundedOn");

            JsonNode answer = Answers.json(functions.recordRefund(refund));
            assertThat(answer.path("replay").asBoolean()).as(failure).isFalse();
            Map<String, AttributeValue> stored = StoredCase.of(orderId).item();
            assertThat(stored.get("version").n()).as("the change is stored").isEqualTo("2");
            assertThat(stored.get("outbox").l()).as("and its announcement kept").hasSize(1);
            assertThat(stored.get(CaseTable.DUE_ON).s()).as("due for the sweep").isEqualTo(LocalDate.now(PARIS).toString());
            assertThat(EventQueue.of(orderId)).isEmpty();

            events.failure = null;
            assertThat(Answers.json(functions.recordRefund(refund)).path("replay").asBoolean()).isTrue();
            assertThat(EventQueue.of(orderId)).as("a replay publishes nothing").isEmpty();
            assertThat(attentionList(null)).as("not on the seller's list: only an announcement is due").doesNotContain(orderId);

            Lambda.ok(Events.sweep().put("time", sweepTime(0)));
            assertThat(EventQueue.of(orderId)).as("its function may still be publishing it").isEmpty();
            Lambda.ok(Events.sweep().put("time", sweepTime(16)));
            Lambda.ok(Events.sweep().put("time", sweepTime(17)));
            Lambda.ok(Events.sweep().put("time", sweepTime(60)));

            List<JsonNode> published = EventQueue.of(orderId);
            assertThat(detailTypes(published)).as(failure).containsExactly("Refund recorded");
            assertThat(published.get(0).path("detail").path("id").asText()).isEqualTo(orderId + "/1");
            Map<String, AttributeValue> after = StoredCase.of(orderId).item();
            assertThat(after).doesNotContainKey("outbox");
            assertThat(after.get("version").n()).as("emptying the outbox is no new version").isEqualTo("2");
            assertThat(after.get(CaseTable.DUE_ON).s()).as("due again for its next attention")
                    .isEqualTo(LocalDate.now(PARIS).plusDays(8).toString());
        }
    }

    private List<String> attentionList(String attention) {
        List<String> orders = new java.util.ArrayList<>();
        String next = null;
        do {
            ObjectNode query = Events.JSON.createObjectNode();
            if (attention != null) {
                query.put("attention", attention);
            }
            if (next != null) {
                query.put("next", next);
            }
            JsonNode page = Answers.json(functions.caseDesk(query));
            page.path("cases").forEach(c -> orders.add(c.path("orderId").asText()));
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (next != null);
        return orders;
    }
}
