package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.testing.DynamoDbCalls;
import io.claimdesk.testing.EventBridgeFaults;
import io.claimdesk.testing.EventQueue;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.StoredCase;
import io.claimdesk.testing.Table;
import io.claimdesk.testing.TableStream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Events out, from the table's stream, read back as a consumer reads them: the functions that change cases are called
 * as Java; what the local engine's stream recorded of their writes is handed to publishChanges, the exported function
 * (through the Lambda mock event server), as Lambda's event source mapping would hand it; the engine's EventBridge routes
 * every claim-desk event through a rule to an SQS queue ({@link EventQueue}). Each change stored is published once, with
 * its stable id; refused and replayed inputs write nothing, so publish nothing; a refused entry is put again alone.
 */
@QuarkusTest
@TestProfile(FunctionProfile.PublishChanges.class)
class EventsFunctionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String REASON = "Partial refund while the carrier searches for the parcel";

    @Inject
    ClaimFunctions functions;

    @BeforeEach
    void queue() {
        EventQueue.ensure();
        EventBridgeFaults.disarm();
        EventBridgeFaults.reset();
    }

    @AfterEach
    void disarm() {
        EventBridgeFaults.disarm();
    }

    private static List<String> detailTypes(List<JsonNode> events) {
        return events.stream().map(e -> e.path("detail-type").asText()).toList();
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("detail").path("id").asText()).toList();
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

    /** The stream's new records of these orders, handed to publishChanges in one event; its answer. */
    private static JsonNode publish(String... orderIds) {
        List<Record> records = TableStream.of(TableStream.newRecords(), orderIds);
        return Lambda.ok(TableStream.event(records));
    }

    /** The README walkthrough on one order: open, refund (twice), arrival (twice), consent (twice), a sweep 8 days on. */
    private void walkthrough(String orderId) {
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        Answers.json(functions.recordRefund(Events.refund(orderId)));
        assertThat(Answers.json(functions.recordRefund(Events.refund(orderId))).path("replay").asBoolean()).isTrue();
        Answers.json(functions.flagLateArrival(Events.arrival(orderId)));
        assertThat(Answers.json(functions.flagLateArrival(Events.arrival(orderId))).path("arrival").path("replay").asBoolean()).isTrue();
        ObjectNode consent = Events.JSON.createObjectNode().put("orderId", orderId).put("followUp", "CONSENT_GIVEN");
        Answers.json(functions.flagLateArrival(consent));
        assertThat(Answers.json(functions.flagLateArrival(consent)).path("followUp").path("replay").asBoolean()).isTrue();
        Answers.json(functions.flagLateArrival(Events.sweep().put("time",
                Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())));
    }

    @Test
    void theReadmeWalkthroughPublishesEachRecordedChangeOnceFromTheStream() {
        String orderId = Events.newOrderId();
        walkthrough(orderId);

        List<Record> records = TableStream.of(TableStream.newRecords(), orderId);
        // Opened, refunded, arrived, consented: one write each; the replays and the sweep wrote nothing.
        assertThat(records).extracting(r -> r.eventNameAsString()).containsExactly("INSERT", "MODIFY", "MODIFY", "MODIFY");
        JsonNode answer = Lambda.ok(TableStream.event(records));
        assertThat(answer.path("batchItemFailures").isArray()).isTrue();
        assertThat(answer.path("batchItemFailures")).isEmpty();

        List<JsonNode> events = EventQueue.of(orderId);
        assertThat(detailTypes(events)).containsExactly("Refund recorded", "Arrival reported", "Consent given");
        assertThat(events).allSatisfy(e -> assertThat(e.path("source").asText()).isEqualTo("claim-desk"));
        List<JsonNode> details = events.stream().map(e -> e.path("detail")).toList();
        assertThat(ids(events)).containsExactly(orderId + "/1", orderId + "/2", orderId + "/3");
        assertThat(details).extracting(d -> d.path("statusBefore").asText() + "->" + d.path("statusAfter").asText())
                .containsExactly("OPEN->OPEN", "OPEN->LATE_ARRIVAL_FLAGGED", "LATE_ARRIVAL_FLAGGED->CLOSED");
        JsonNode refund = details.get(0);
        assertThat(refund.path("event").asText()).isEqualTo("REFUND_RECORDED");
        assertThat(refund.path("marketplace").asText()).isEqualTo("FR");
        assertThat(refund.path("historyIndex").asInt()).isEqualTo(1);
        assertThat(refund.path("rules").toString()).isEqualTo("[\"R3\"]");
        assertThat(refund.path("nextAttention").asText()).isEqualTo("2026-03-13");
        assertThat(refund.path("nextAttentionKind").asText()).isEqualTo("CLAIM_WINDOW_OPENS");
        assertThat(details.get(1).path("nextAttention").asText())
                .isEqualTo(LocalDate.now(PARIS).plusDays(7).toString());
        assertThat(details.get(2).path("closeReason").asText()).isEqualTo("LATE_ARRIVAL_SETTLED");
        assertThat(details.get(2).path("nextAttention").isNull()).isTrue();
        assertThat(refund.fieldNames()).toIterable().containsExactly("id", "orderId", "marketplace", "event", "historyIndex",
                "at", "statusBefore", "statusAfter", "closeReason", "rules", "nextAttention", "nextAttentionKind");
        // The event's time is the change's, to the second; its "at", the change's instant as the history has it.
        assertThat(Instant.parse(refund.path("at").asText()).truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(Instant.parse(events.get(0).path("time").asText()));
        assertThat(EventQueue.textOf(orderId)).as("no free text, no buyer data").doesNotContain(REASON).doesNotContain("rf-0001");
        assertThat(StoredCase.of(orderId).item()).as("no outbox: the stream is the outbox").doesNotContainKey("outbox");
    }

    @Test
    void theSweepPublishesEachChangeItMakesOnce() {
        String orderId = Events.newOrderId(); // window 2026-03-13..2026-06-08: both have passed
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        String time = sweepTime(60);

        Answers.json(functions.flagLateArrival(Events.sweep().put("time", time)));
        Answers.json(functions.flagLateArrival(Events.sweep().put("time", time)));
        Answers.json(functions.flagLateArrival(Events.sweep().put("time", sweepTime(24 * 60))));
        publish(orderId);

        List<JsonNode> events = EventQueue.of(orderId);
        assertThat(detailTypes(events)).containsExactly("Claim window opened", "Claim deadline passed");
        JsonNode opened = events.get(0).path("detail");
        assertThat(opened.path("statusBefore").asText()).isEqualTo("OPEN");
        assertThat(opened.path("statusAfter").asText()).isEqualTo("OPEN");
        assertThat(opened.path("nextAttention").asText()).isEqualTo("2026-06-09");
        assertThat(opened.path("rules").toString()).isEqualTo("[\"R6\"]");
        JsonNode passed = events.get(1).path("detail");
        assertThat(passed.path("statusBefore").asText()).isEqualTo("OPEN");
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
        Answers.json(functions.flagLateArrival(Events.sweep().put("time", sweepTime(60))));
        ObjectNode granted = recentOrder(orderId);
        granted.putObject("claim").put("filedOn", today.toString()).put("reference", "AZ-42").put("outcome", "GRANTED");
        Answers.json(functions.evaluateClaim(granted));
        publish(orderId);

        List<JsonNode> events = EventQueue.of(orderId);
        assertThat(detailTypes(events)).containsExactly("Claim filed", "Claim response due", "Claim granted");
        assertThat(events.get(0).path("detail").path("statusAfter").asText()).isEqualTo("CLAIM_FILED");
        assertThat(events.get(0).path("detail").path("nextAttentionKind").asText()).isEqualTo("CLAIM_RESPONSE_DUE");
        assertThat(events.get(2).path("detail").path("closeReason").asText()).isEqualTo("CLAIM_GRANTED");
        assertThat(EventQueue.textOf(orderId)).as("Amazon's claim reference is not in the events").doesNotContain("AZ-42");
    }

    @Test
    void refusedAndReplayedInputsWriteNothingSoPublishNothing() {
        String orderId = Events.newOrderId();
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        Answers.json(functions.recordRefund(Events.refund(orderId)));
        publish(orderId);
        StoredCase before = StoredCase.of(orderId);
        assertThat(EventQueue.of(orderId)).hasSize(1);

        List<ObjectNode> refused = List.of(
                Events.refund(orderId).put("refundId", "rf-big").put("amount", "100.00"),
                Events.refund(orderId).put("amount", "25.00"),
                Events.refund(orderId).put("refundId", "rf-early").put("refundedOn", "2026-02-01"));
        for (ObjectNode event : refused) {
            assertThat(Events.JSON.valueToTree(functions.recordRefund(event)).has("refusal")).as(event.toString()).isTrue();
        }
        assertThat(Events.JSON.valueToTree(functions.flagLateArrival(Events.arrival(orderId).put("deliveredOn", "2026-02-01")))
                .has("refusal")).isTrue();
        assertThat(Events.JSON.valueToTree(functions.flagLateArrival(Events.JSON.createObjectNode().put("orderId", orderId)
                .put("followUp", "RETURN_RECEIVED"))).has("refusal")).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(Answers.json(functions.recordRefund(Events.refund(orderId))).path("replay").asBoolean()).isTrue();
            Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        }

        assertThat(TableStream.of(TableStream.newRecords(), orderId)).as("nothing written, nothing on the stream").isEmpty();
        assertThat(EventQueue.of(orderId)).hasSize(1);
        assertThat(StoredCase.of(orderId)).isEqualTo(before);
    }

    @Test
    void withEventsOnAChangeIsOneReadAndOneWriteAndPublishingReadsNothing() {
        String orderId = Events.newOrderId();
        DynamoDbCalls.reset();
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        assertThat(DynamoDbCalls.calls()).as("evaluateClaim").containsExactly("GetItem", "PutItem");

        DynamoDbCalls.reset();
        Answers.json(functions.recordRefund(Events.refund(orderId)));
        assertThat(DynamoDbCalls.calls()).as("recordRefund: read, write at that version").containsExactly("GetItem", "PutItem");

        DynamoDbCalls.reset();
        Answers.json(functions.recordRefund(Events.refund(orderId)));
        assertThat(DynamoDbCalls.calls()).as("a replay").containsExactly("GetItem");

        DynamoDbCalls.reset();
        Answers.json(functions.flagLateArrival(Events.arrival(orderId)));
        assertThat(DynamoDbCalls.calls()).as("an arrival").containsExactly("GetItem", "PutItem");

        DynamoDbCalls.reset();
        publish(orderId);
        assertThat(DynamoDbCalls.calls()).as("publishChanges: the stream brings the items").isEmpty();
        assertThat(detailTypes(EventQueue.of(orderId))).containsExactly("Refund recorded", "Arrival reported");
    }

    @Test
    void entriesGoTenToACallAndAnEntryEventBridgeRefusesIsPutAgainAloneAndPublishedOnce() {
        List<String> orders = List.of(Events.newOrderId(), Events.newOrderId(), Events.newOrderId(), Events.newOrderId());
        orders.forEach(this::walkthrough);
        String refused = orders.get(1) + "/2";
        EventBridgeFaults.refuse(1, refused);

        JsonNode answer = publish(orders.toArray(String[]::new));

        assertThat(answer.path("batchItemFailures")).isEmpty();
        List<List<String>> calls = EventBridgeFaults.calls();
        assertThat(calls).extracting(List::size).as("12 events: 10, the refused one again alone, then 2")
                .containsExactly(10, 1, 2);
        assertThat(calls.get(0)).contains(refused);
        assertThat(calls.get(1)).containsExactly(refused);
        // Once each; the refused one after the others of its call.
        for (String orderId : orders) {
            assertThat(ids(EventQueue.of(orderId))).as(orderId)
                    .containsExactlyInAnyOrder(orderId + "/1", orderId + "/2", orderId + "/3");
        }
    }

    @Test
    void anEventStillRefusedIsReportedAtItsRecordAndTheRecordsFromThereArePublishedWhenReadAgain() {
        String first = Events.newOrderId();
        String second = Events.newOrderId();
        walkthrough(first);
        walkthrough(second);
        List<Record> records = TableStream.of(TableStream.newRecords(), first, second);
        String stuck = second + "/2";
        EventBridgeFaults.refuse(3, stuck); // as many times as claimdesk.events.entry-attempts puts it

        JsonNode answer = Lambda.ok(TableStream.event(records));

        // The arrival of the second order is its third record (open, refund, arrival, consent).
        Record arrival = records.stream().filter(r -> r.dynamodb().keys().get("orderId").s().equals(second)).toList().get(2);
        assertThat(answer.path("batchItemFailures")).singleElement()
                .satisfies(f -> assertThat(f.path("itemIdentifier").asText()).isEqualTo(arrival.dynamodb().sequenceNumber()));
        assertThat(ids(EventQueue.of(second))).doesNotContain(stuck);

        // Lambda hands the records from the reported one on again; EventBridge takes them now.
        List<Record> again = records.subList(records.indexOf(arrival), records.size());
        assertThat(Lambda.ok(TableStream.event(again)).path("batchItemFailures")).isEmpty();

        for (String orderId : List.of(first, second)) {
            List<JsonNode> received = EventQueue.of(orderId);
            // A standard queue keeps no order: which events, not in which order.
            assertThat(ids(received).stream().distinct().toList()).as(orderId)
                    .containsExactlyInAnyOrder(orderId + "/1", orderId + "/2", orderId + "/3");
            // Published twice only under the same id and with the same detail: a consumer keeps one.
            Map<String, JsonNode> byId = new HashMap<>();
            received.forEach(e -> {
                JsonNode seen = byId.putIfAbsent(e.path("detail").path("id").asText(), e.path("detail"));
                assertThat(seen == null || seen.equals(e.path("detail"))).as("%s", e).isTrue();
            });
        }
    }

    @Test
    void anOperatorRepublishesACasesEventsFromItsHistoryUnderTheSameIds() {
        String orderId = Events.newOrderId();
        walkthrough(orderId);
        publish(orderId);
        List<JsonNode> first = EventQueue.of(orderId);

        JsonNode all = Lambda.ok(Events.JSON.createObjectNode().put("orderId", orderId));
        JsonNode fromTwo = Lambda.ok(Events.JSON.createObjectNode().put("orderId", orderId).put("fromIndex", 2));

        assertThat(all.path("published").toString())
                .isEqualTo("[\"" + orderId + "/1\",\"" + orderId + "/2\",\"" + orderId + "/3\"]");
        assertThat(all.path("notAnnounced").asInt()).as("the opening").isEqualTo(1);
        assertThat(fromTwo.path("published").toString()).isEqualTo("[\"" + orderId + "/2\",\"" + orderId + "/3\"]");
        List<JsonNode> received = EventQueue.of(orderId);
        assertThat(ids(received)).containsExactly(orderId + "/1", orderId + "/2", orderId + "/3",
                orderId + "/1", orderId + "/2", orderId + "/3", orderId + "/2", orderId + "/3");
        List<JsonNode> details = new ArrayList<>(received.stream().map(e -> e.path("detail")).toList());
        assertThat(details.subList(3, 6)).as("the same details as first published")
                .isEqualTo(first.stream().map(e -> e.path("detail")).toList());
        assertThat(Lambda.refusal(Events.JSON.createObjectNode().put("orderId", Events.newOrderId())).path("refusal").path("code")
                .asText()).isEqualTo("CASE_NOT_FOUND");
        assertThat(Lambda.refusal(Events.JSON.createObjectNode().put("orderId", orderId).put("fromIndex", -1)).path("refusal")
                .path("field").asText()).isEqualTo("fromIndex");
    }

    @Test
    void aRemovedCasePublishesNothing() {
        String orderId = Events.newOrderId();
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        Answers.json(functions.recordRefund(Events.refund(orderId)));
        Table.delete(orderId); // as DynamoDB's TTL removes a long-closed case

        List<Record> records = TableStream.of(TableStream.newRecords(), orderId);
        assertThat(records).extracting(r -> r.eventNameAsString()).containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(Lambda.ok(TableStream.event(records)).path("batchItemFailures")).isEmpty();
        assertThat(detailTypes(EventQueue.of(orderId))).containsExactly("Refund recorded");
        assertThat(CaseTable.PUBLISHERS).containsExactly(CaseTable.PUBLISH_CHANGES);
    }
}
