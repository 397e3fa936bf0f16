package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.DynamoDbCalls;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.Race;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery: Lambda retries, API clients retry, EventBridge may deliver a schedule twice.
 * Every function's event (an evaluation, one filing a claim, a refund, an arrival, a follow-up, a scheduled sweep)
 * is delivered 2 to 10 times, one after the other (through the Lambda mock event server for the exported
 * recordRefund, as Java calls for the others) and all at once from as many threads (as many Lambda instances
 * would), against the real local engine. Exactly one effect each time.
 */
@QuarkusTest
@TestProfile(FunctionProfile.RecordRefund.class)
class DuplicateDeliveryFunctionTest {

    static final int MIN_DELIVERIES = 2;
    static final int MAX_DELIVERIES = 10;

    @Inject
    ClaimFunctions functions;

    private JsonNode json(Object answer) {
        return Answers.json(answer);
    }

    @Test
    void aRefundDeliveredTwoToTenTimesInARowIsRecordedOnce() {
        for (int n = MIN_DELIVERIES; n <= MAX_DELIVERIES; n++) {
            for (String amount : List.of("20.00", "full")) {
                String orderId = Events.newOrderId();
                Fixtures.openCase(functions, orderId);
                ObjectNode event = Events.refund(orderId).put("amount", amount);

                JsonNode first = Lambda.ok(event);
                for (int i = 1; i < n; i++) {
                    DynamoDbCalls.reset();
                    JsonNode again = Lambda.ok(event);
                    assertThat(DynamoDbCalls.calls()).as("delivery %d of %d only reads the case", i + 1, n).containsExactly("GetItem");
                    assertThat(again.path("replay").asBoolean()).as("delivery %d of %d", i + 1, n).isTrue();
                    assertThat(again.path("refund")).isEqualTo(first.path("refund"));
                    assertThat(again.path("caseView")).isEqualTo(first.path("caseView"));
                }
                assertThat(first.path("replay").asBoolean()).isFalse();
                StoredCase stored = StoredCase.of(orderId);
                assertThat(stored.refundIds()).containsExactly("rf-0001");
                assertThat(stored.count("REFUND_RECORDED")).isEqualTo(1);
                assertThat(stored.version()).isEqualTo(2);
                assertThat(stored.remaining()).isEqualByComparingTo(amount.equals("full") ? "0.00" : "39.90");
                assertThat(first.path("caseView").path("remaining").asText()).isEqualTo(stored.remaining().toPlainString());
            }
        }
    }

    @Test
    void aRefundDeliveredTwoToTenTimesAtOnceIsRecordedOnce() {
        for (int n : new int[] {MIN_DELIVERIES, 5, MAX_DELIVERIES}) {
            for (String amount : List.of("20.00", "full")) {
                String orderId = Events.newOrderId();
                Fixtures.openCase(functions, orderId);
                ObjectNode event = Events.refund(orderId).put("amount", amount);

                // Half the deliveries through the Lambda mock event server, half as direct calls, all at once.
                List<Race.Outcome<JsonNode>> outcomes = Race.run(n, i -> i % 2 == 0
                        ? Lambda.ok(event)
                        : json(functions.recordRefund(event.deepCopy())));

                assertThat(outcomes).allMatch(Race.Outcome::ok, "every delivery answered");
                assertThat(outcomes).filteredOn(o -> !o.value().path("replay").asBoolean()).as("the one that recorded it").hasSize(1);
                JsonNode refund = outcomes.get(0).value().path("refund");
                assertThat(outcomes).allSatisfy(o -> assertThat(o.value().path("refund")).isEqualTo(refund));
                StoredCase stored = StoredCase.of(orderId);
                assertThat(stored.refundIds()).containsExactly("rf-0001");
                assertThat(stored.count("REFUND_RECORDED")).isEqualTo(1);
                assertThat(stored.version()).isEqualTo(2);
                assertThat(outcomes).allSatisfy(o -> assertThat(o.value().path("caseView").path("version").asLong()).isEqualTo(2));
            }
        }
    }

    @Test
    void anEvaluationDeliveredTwoToTenTimesOpensOneCase() {
        for (int n = MIN_DELIVERIES; n <= MAX_DELIVERIES; n++) {
            String orderId = Events.newOrderId();
            ObjectNode event = Events.evaluate(orderId);
            JsonNode first = json(functions.evaluateClaim(event));
            for (int i = 1; i < n; i++) {
                assertThat(json(functions.evaluateClaim(event.deepCopy()))).as("delivery %d of %d", i + 1, n).isEqualTo(first);
            }
            StoredCase stored = StoredCase.of(orderId);
            assertThat(stored.events()).containsExactly("CASE_OPENED");
            assertThat(stored.version()).isEqualTo(1);
        }
        for (int n : new int[] {MIN_DELIVERIES, 5, MAX_DELIVERIES}) {
            String orderId = Events.newOrderId();
            ObjectNode event = Events.evaluate(orderId);
            List<Race.Outcome<JsonNode>> outcomes = Race.run(n, i -> json(functions.evaluateClaim(event.deepCopy())));
            assertThat(outcomes).allMatch(Race.Outcome::ok, "every delivery answered");
            JsonNode first = outcomes.get(0).value();
            assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).isEqualTo(first));
            StoredCase stored = StoredCase.of(orderId);
            assertThat(stored.events()).containsExactly("CASE_OPENED");
            assertThat(stored.version()).isEqualTo(1);
        }
    }

    @Test
    void anArrivalDeliveredTwoToTenTimesIsFlaggedOnce() {
        for (int n = MIN_DELIVERIES; n <= MAX_DELIVERIES; n++) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId);
            Fixtures.refund(functions, orderId, "r1", "20.00", false);
            ObjectNode event = Events.arrival(orderId);
            JsonNode first = json(functions.flagLateArrival(event)).path("arrival");
            assertThat(first.path("replay").asBoolean()).isFalse();
            for (int i = 1; i < n; i++) {
                JsonNode again = json(functions.flagLateArrival(event.deepCopy())).path("arrival");
                assertThat(again.path("replay").asBoolean()).as("delivery %d of %d", i + 1, n).isTrue();
                assertThat(again.path("decision")).isEqualTo(first.path("decision"));
                assertThat(again.path("nextSteps")).isEqualTo(first.path("nextSteps"));
                assertThat(again.path("caseView")).isEqualTo(first.path("caseView"));
            }
            StoredCase stored = StoredCase.of(orderId);
            assertThat(stored.events()).containsExactly("CASE_OPENED", "REFUND_RECORDED", "ARRIVAL_REPORTED");
            assertThat(stored.arrivalSources()).containsExactly("CARRIER");
            assertThat(stored.status()).isEqualTo("LATE_ARRIVAL_FLAGGED");
        }
        for (int n : new int[] {MIN_DELIVERIES, 5, MAX_DELIVERIES}) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId);
            Fixtures.refund(functions, orderId, "r1", "20.00", false);
            ObjectNode event = Events.arrival(orderId);
            List<Race.Outcome<JsonNode>> outcomes = Race.run(n, i -> json(functions.flagLateArrival(event.deepCopy())).path("arrival"));
            assertThat(outcomes).allMatch(Race.Outcome::ok, "every delivery answered");
            assertThat(outcomes).filteredOn(o -> !o.value().path("replay").asBoolean()).hasSize(1);
            JsonNode caseView = outcomes.get(0).value().path("caseView");
            assertThat(outcomes).allSatisfy(o -> {
                assertThat(o.value().path("decision").asText()).isEqualTo("ASK_CONSENT_TO_CHARGE");
                assertThat(o.value().path("caseView")).isEqualTo(caseView);
            });
            StoredCase stored = StoredCase.of(orderId);
            assertThat(stored.events()).containsExactly("CASE_OPENED", "REFUND_RECORDED", "ARRIVAL_REPORTED");
            assertThat(stored.arrivalSources()).containsExactly("CARRIER");
            assertThat(outcomes).allSatisfy(o -> assertThat(o.value().path("caseView").path("version").asLong()).isEqualTo(stored.version()));
        }
    }

    @Test
    void anEvaluationFilingAClaimDeliveredTwoToTenTimesRecordsItOnce() {
        for (int n = MIN_DELIVERIES; n <= MAX_DELIVERIES; n++) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId);
            ObjectNode event = Events.fileClaim(orderId);
            JsonNode first = json(functions.evaluateClaim(event));
            for (int i = 1; i < n; i++) {
                assertThat(json(functions.evaluateClaim(event.deepCopy()))).as("delivery %d of %d", i + 1, n).isEqualTo(first);
            }
            StoredCase stored = StoredCase.of(orderId);
            assertThat(stored.events()).containsExactly("CASE_OPENED", "CLAIM_FILED");
            assertThat(stored.version()).isEqualTo(2);
        }
        for (int n : new int[] {MIN_DELIVERIES, 5, MAX_DELIVERIES}) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId);
            ObjectNode event = Events.fileClaim(orderId);
            List<Race.Outcome<JsonNode>> outcomes = Race.run(n, i -> json(functions.evaluateClaim(event.deepCopy())));
            assertThat(outcomes).allMatch(Race.Outcome::ok, "every delivery answered");
            JsonNode first = outcomes.get(0).value();
            assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).isEqualTo(first));
            StoredCase stored = StoredCase.of(orderId);
            assertThat(stored.events()).containsExactly("CASE_OPENED", "CLAIM_FILED");
            assertThat(stored.version()).isEqualTo(2);
        }
    }

    @Test
    void aFollowUpDeliveredTwoToTenTimesIsRecordedOnce() {
        for (int n = MIN_DELIVERIES; n <= MAX_DELIVERIES; n++) {
            String orderId = lateArrival();
            ObjectNode event = Events.recordConsent(orderId);
            JsonNode first = json(functions.flagLateArrival(event)).path("followUp");
            assertThat(first.path("replay").asBoolean()).isFalse();
            for (int i = 1; i < n; i++) {
                JsonNode again = json(functions.flagLateArrival(event.deepCopy())).path("followUp");
                assertThat(again.path("replay").asBoolean()).as("delivery %d of %d", i + 1, n).isTrue();
                assertThat(again.path("says")).isEqualTo(first.path("says"));
                assertThat(again.path("caseView")).isEqualTo(first.path("caseView"));
            }
            assertThat(StoredCase.of(orderId).count("CONSENT_GIVEN")).isEqualTo(1);
            assertThat(StoredCase.of(orderId).version()).isEqualTo(first.path("caseView").path("version").asLong());
        }
        for (int n : new int[] {MIN_DELIVERIES, 5, MAX_DELIVERIES}) {
            String orderId = lateArrival();
            ObjectNode event = Events.recordConsent(orderId);
            List<Race.Outcome<JsonNode>> outcomes = Race.run(n, i -> json(functions.flagLateArrival(event.deepCopy())).path("followUp"));
            assertThat(outcomes).allMatch(Race.Outcome::ok, "every delivery answered");
            assertThat(outcomes).filteredOn(o -> !o.value().path("replay").asBoolean()).as("the one that recorded it").hasSize(1);
            JsonNode caseView = outcomes.get(0).value().path("caseView");
            assertThat(outcomes).allSatisfy(o -> assertThat(o.value().path("caseView")).isEqualTo(caseView));
            StoredCase stored = StoredCase.of(orderId);
            assertThat(stored.events()).containsExactly("CASE_OPENED", "REFUND_RECORDED", "ARRIVAL_REPORTED", "CONSENT_GIVEN");
            assertThat(stored.closeReason()).isEqualTo("LATE_ARRIVAL_SETTLED");
        }
    }

    /** A case whose parcel arrived after a plain refund: waiting for the buyer's consent. */
    private String lateArrival() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);
        functions.flagLateArrival(Events.arrival(orderId));
        return orderId;
    }

    @Test
    void aScheduledEventDeliveredTwoToTenTimesSweepsEachCaseOnce() {
        // Two cases per run, due as of the event's time: one closes as past its deadline, the other as refunded.
        for (int n : new int[] {MIN_DELIVERIES, MAX_DELIVERIES}) {
            String unrefunded = Events.newOrderId();
            String refunded = Events.newOrderId();
            Fixtures.openCase(functions, unrefunded);
            Fixtures.openCase(functions, refunded);
            Fixtures.refund(functions, refunded, "r1", "20.00", false);
            ObjectNode event = Events.sweep(); // 2026-06-10T06:00:00Z: window opened and deadline (2026-06-08) passed
            List<Race.Outcome<JsonNode>> outcomes = Race.run(n, i -> json(functions.flagLateArrival(event.deepCopy())).path("sweep"));
            assertThat(outcomes).allMatch(Race.Outcome::ok, "every delivery answered");
            for (String orderId : List.of(unrefunded, refunded)) {
                long runs = outcomes.stream().filter(o -> o.value().path("changedOrders").toString().contains(orderId)).count();
                assertThat(runs).as("runs that report %s changed", orderId).isEqualTo(1);
                StoredCase stored = StoredCase.of(orderId);
                assertThat(stored.count("CLAIM_WINDOW_OPENED")).as("one entry per sweep event").isEqualTo(1);
                assertThat(stored.count("CLAIM_DEADLINE_PASSED")).as("one entry per sweep event").isEqualTo(1);
                assertThat(stored.status()).isEqualTo("CLOSED");
            }
            assertThat(StoredCase.of(unrefunded).events()).containsExactly("CASE_OPENED", "CLAIM_WINDOW_OPENED", "CLAIM_DEADLINE_PASSED");
            assertThat(StoredCase.of(unrefunded).closeReason()).isEqualTo("CLAIM_DEADLINE_PASSED");
            assertThat(StoredCase.of(refunded).events())
                    .containsExactly("CASE_OPENED", "REFUND_RECORDED", "CLAIM_WINDOW_OPENED", "CLAIM_DEADLINE_PASSED");
            assertThat(StoredCase.of(refunded).closeReason()).isEqualTo("REFUNDED");
        }
    }
}
