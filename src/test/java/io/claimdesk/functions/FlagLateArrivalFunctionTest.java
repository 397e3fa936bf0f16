package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.testing.DynamoDbCalls;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FunctionProfile.FlagLateArrival.class)
class FlagLateArrivalFunctionTest {

    /** The sample arrival's date and the sample refund's. */
    static final LocalDate DELIVERED_ON = LocalDate.parse("2026-03-20");
    /** DELIVERED_ON as a French and an English sentence write it. */
    private static final String DELIVERED_FR = "20 mars 2026";
    /** English on the French marketplace writes dates the British way. */
    private static final String DELIVERED_EN = "20 March 2026";
    static final LocalDate REFUNDED_ON = LocalDate.parse("2026-03-15");

    @Inject
    ClaimFunctions functions;

    private static ObjectNode arrival(String orderId, LocalDate deliveredOn, String source) {
        return Events.arrival(orderId).put("deliveredOn", deliveredOn.toString()).put("source", source);
    }

    private static ObjectNode followUp(String orderId, String followUp) {
        return Events.recordConsent(orderId).put("followUp", followUp);
    }

    private static List<String> optionKinds(JsonNode evaluation) {
        return evaluation.path("options").findValuesAsText("kind");
    }

    private static JsonNode option(JsonNode evaluation, String kind) {
        for (JsonNode o : evaluation.path("options")) {
            if (o.path("kind").asText().equals(kind)) {
                return o;
            }
        }
        throw new AssertionError("no option " + kind + " in " + evaluation.path("options"));
    }

    // ------------------------------------------------------------------------------------ after a refund

    @Test
    void anArrivalAfterARefundAsksConsentToChargeAgain() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);

        DynamoDbCalls.reset();
        LocalDate today = Events.todayInParis();
        JsonNode answer = Lambda.ok(Events.arrival(orderId).put("language", "en"));

        assertThat(DynamoDbCalls.calls()).containsExactly("GetItem", "PutItem");
        JsonNode arrival = answer.path("arrival");
        assertThat(arrival.path("decision").asText()).isEqualTo("ASK_CONSENT_TO_CHARGE");
        assertThat(arrival.path("nextSteps")).hasSize(1);
        assertThat(arrival.path("nextSteps").get(0).path("rule").asText()).isEqualTo("R3");
        assertThat(arrival.path("nextSteps").get(0).path("text").asText())
                .startsWith("The original order arrived on 20 March 2026, after it was refunded: Amazon can charge the buyer again");
        assertThat(arrival.path("drafts")).singleElement().satisfies(draft -> {
            assertThat(draft.path("purpose").asText()).isEqualTo("ASK_CONSENT_TO_CHARGE");
            assertThat(draft.path("language").asText()).isEqualTo("fr");
            assertThat(draft.path("text").asText()).contains("livrée le 20 mars 2026").contains("remboursé 20,00\u00a0€")
                    .contains("Amazon peut vous refacturer");
        });
        JsonNode caseView = arrival.path("caseView");
        assertThat(caseView.path("status").asText()).isEqualTo("LATE_ARRIVAL_FLAGGED");
        assertThat(caseView.path("arrivals")).hasSize(1);
        assertThat(caseView.path("arrivals").get(0).path("source").asText()).isEqualTo("CARRIER");
        assertThat(caseView.path("lateArrival").path("deliveredOn").asText()).isEqualTo(DELIVERED_ON.toString());
        assertThat(caseView.path("lateArrival").path("consentNeeded").asBoolean()).isTrue();
        assertThat(caseView.path("lateArrival").path("returnNeeded").asBoolean()).isFalse();
        assertThat(caseView.path("lateArrival").has("consent")).as("no answer from the buyer yet").isFalse();
        assertThat(caseView.path("nextAttention").path("kind").asText()).isEqualTo("LATE_ARRIVAL_FOLLOW_UP");
        assertThat(LocalDate.parse(caseView.path("nextAttention").path("on").asText()))
                .isBetween(today.plusDays(7), Events.todayInParis().plusDays(7));
        assertThat(answer.has("sweep")).isFalse();
        assertThat(answer.has("followUp")).isFalse();
    }

    @Test
    void anArrivalAfterARefundAndReorderArrangesTheReturn() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "full", true);
        JsonNode answer = Lambda.ok(Events.arrival(orderId));
        assertThat(answer.path("arrival").path("decision").asText()).isEqualTo("ARRANGE_RETURN");
        assertThat(answer.path("arrival").path("nextSteps")).hasSize(1);
        assertThat(answer.path("arrival").path("nextSteps").get(0).path("rule").asText()).isEqualTo("R7");
        JsonNode lateArrival = answer.path("arrival").path("caseView").path("lateArrival");
        assertThat(lateArrival.path("returnNeeded").asBoolean()).isTrue();
        assertThat(lateArrival.path("consentNeeded").asBoolean()).isFalse();
    }

    /** Issue point 6: a plain refund and a refund with reorder both went out before the parcel came. */
    @Test
    void aPlainRefundAndARefundWithReorderThenTheParcelAskConsentAndArrangeTheReturn() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "plain", "20.00", false);
        Fixtures.refund(functions, orderId, "reorder", "full", true);

        JsonNode arrival = Lambda.ok(Events.arrival(orderId).put("language", "en")).path("arrival");

        assertThat(arrival.path("decision").asText()).isEqualTo("ASK_CONSENT_AND_ARRANGE_RETURN");
        assertThat(arrival.path("nextSteps")).hasSize(2);
        assertThat(arrival.path("nextSteps").get(0).path("rule").asText()).isEqualTo("R3");
        assertThat(arrival.path("nextSteps").get(0).path("text").asText()).containsAnyOf(DELIVERED_FR, DELIVERED_EN);
        assertThat(arrival.path("nextSteps").get(1).path("rule").asText()).isEqualTo("R7");
        assertThat(arrival.path("nextSteps").get(1).path("text").asText()).containsAnyOf(DELIVERED_FR, DELIVERED_EN);
        JsonNode lateArrival = arrival.path("caseView").path("lateArrival");
        assertThat(lateArrival.path("consentNeeded").asBoolean()).isTrue();
        assertThat(lateArrival.path("returnNeeded").asBoolean()).isTrue();
        assertThat(arrival.path("caseView").path("status").asText()).isEqualTo("LATE_ARRIVAL_FLAGGED");
        assertThat(arrival.has("refundedAfterArrivalOn")).as("both refunds went out before the parcel came").isFalse();
    }

    // ------------------------------------------------------------------------------------ before any refund

    /** Issue point 3: a carrier scan alone is the seller's evidence, not the end of the dispute. */
    @Test
    void aCarrierArrivalBeforeAnyRefundKeepsTheCaseOpenAsDeliveryEvidence() {
        String orderId = Events.newOrderId();
        ObjectNode facts = Events.evaluate(orderId).put("asOf", "2026-03-21");
        ((ObjectNode) facts.path("shipment")).put("status", "IN_TRANSIT");
        JsonNode before = Fixtures.evaluate(functions, facts.deepCopy());
        assertThat(optionKinds(before)).doesNotContain("CARRIER_ASSISTANCE");

        JsonNode arrival = Lambda.ok(Events.arrival(orderId)).path("arrival");

        assertThat(arrival.path("decision").asText()).isEqualTo("DELIVERY_EVIDENCE");
        assertThat(arrival.path("nextSteps")).hasSize(1);
        assertThat(arrival.path("nextSteps").get(0).path("rule").asText()).isEqualTo("R5");
        assertThat(arrival.path("nextSteps").get(0).path("text").asText()).containsAnyOf(DELIVERED_FR, DELIVERED_EN)
                .contains("peut vous servir de preuve");
        assertThat(arrival.path("caseView").path("status").asText()).isEqualTo("OPEN");
        assertThat(arrival.path("caseView").has("closeReason")).isFalse();
        assertThat(arrival.path("caseView").has("lateArrival")).isFalse();
        assertThat(StoredCase.of(orderId).status()).isEqualTo("OPEN");

        JsonNode after = Fixtures.evaluate(functions, facts.deepCopy());
        assertThat(optionKinds(after)).startsWith("CONTACT_BUYER").contains("REFUND", "REFUND_AND_REORDER", "CARRIER_ASSISTANCE");
        assertThat(option(after, "CONTACT_BUYER").path("consequences"))
                .as("contact the buyer with the proof").hasSize(option(before, "CONTACT_BUYER").path("consequences").size() + 1);
        assertThat(option(after, "CONTACT_BUYER").path("consequences").toString()).containsAnyOf(DELIVERED_FR, DELIVERED_EN);
        assertThat(option(after, "CARRIER_ASSISTANCE").path("rules").toString()).contains("R8");
        assertThat(option(after, "CARRIER_ASSISTANCE").path("consequences").toString())
                .as("the carrier's proof of delivery").contains("Colissimo").containsAnyOf(DELIVERED_FR, DELIVERED_EN);
    }

    @Test
    void theBuyerConfirmingReceiptBeforeAnyRefundClosesTheCaseAsDelivered() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        JsonNode answer = Lambda.ok(Events.arrival(orderId).put("source", "BUYER"));
        assertThat(answer.path("arrival").path("decision").asText()).isEqualTo("RECEIPT_CONFIRMED");
        assertThat(answer.path("arrival").path("nextSteps")).hasSize(1);
        assertThat(answer.path("arrival").path("caseView").path("status").asText()).isEqualTo("CLOSED");
        assertThat(answer.path("arrival").path("caseView").path("closeReason").asText()).isEqualTo("DELIVERED");
        assertThat(answer.path("arrival").path("caseView").has("nextAttention")).isFalse();
    }

    @Test
    void theSellersReportIsEvidenceWhileTheWindowRunsAndConfirmsReceiptOnceTheDeadlinePassed() {
        String running = Events.newOrderId();
        Fixtures.openRecentCase(functions, running, 10); // deadline 85 days from now
        JsonNode evidence = Lambda.ok(arrival(running, Events.todayInParis().minusDays(2), "SELLER")).path("arrival");
        assertThat(evidence.path("decision").asText()).isEqualTo("DELIVERY_EVIDENCE");
        assertThat(evidence.path("caseView").path("status").asText()).isEqualTo("OPEN");

        String passed = Events.newOrderId();
        JsonNode opened = Fixtures.openCase(functions, passed); // deadline 2026-06-08
        assertThat(LocalDate.parse(opened.path("claimWindow").path("deadline").asText())).isBefore(Events.todayInParis());
        JsonNode confirmed = Lambda.ok(arrival(passed, DELIVERED_ON, "SELLER")).path("arrival");
        assertThat(confirmed.path("decision").asText()).isEqualTo("RECEIPT_CONFIRMED");
        assertThat(confirmed.path("caseView").path("status").asText()).isEqualTo("CLOSED");
        assertThat(confirmed.path("caseView").path("closeReason").asText()).isEqualTo("DELIVERED");
    }

    /** Issue point 4: the refund went out for a parcel that had already arrived; that is all there is to say. */
    @Test
    void anArrivalDatedBeforeTheRefundAnswersArrivedBeforeRefundWithOneStatement() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false); // refunded on 2026-03-15
        JsonNode answer = Lambda.ok(Events.arrival(orderId).put("deliveredOn", "2026-03-12")).path("arrival");
        assertThat(answer.path("decision").asText()).isEqualTo("ARRIVED_BEFORE_REFUND");
        assertThat(answer.path("refundedAfterArrivalOn").asText()).isEqualTo(REFUNDED_ON.toString());
        assertThat(answer.path("nextSteps")).hasSize(1);
        assertThat(answer.path("nextSteps").get(0).path("rule").asText()).isEqualTo("R3");
        assertThat(answer.path("nextSteps").get(0).path("text").asText()).contains("12 mars 2026").contains("15 mars 2026");
        assertThat(answer.path("caseView").path("status").asText()).isEqualTo("OPEN");
        assertThat(answer.path("caseView").has("lateArrival")).as("nothing to consent to or return").isFalse();
    }

    // ------------------------------------------------------------------------------------ reports, one per source

    @Test
    void aRepeatedArrivalReportChangesNothing() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);
        JsonNode first = Lambda.ok(Events.arrival(orderId));
        DynamoDbCalls.reset();
        JsonNode again = Lambda.ok(Events.arrival(orderId));
        assertThat(DynamoDbCalls.calls()).containsExactly("GetItem");
        assertThat(again.path("arrival").path("replay").asBoolean()).isTrue();
        assertThat(again.path("arrival").path("decision")).isEqualTo(first.path("arrival").path("decision"));
        assertThat(again.path("arrival").path("caseView")).isEqualTo(first.path("arrival").path("caseView"));
    }

    @Test
    void theSameSourceReportingAnotherDateIsRefusedAndChangesNothing() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Lambda.ok(Events.arrival(orderId));
        StoredCase before = StoredCase.of(orderId);
        assertThat(Lambda.error(Events.arrival(orderId).put("deliveredOn", "2026-03-21")))
                .contains("[422] INVALID_TRANSITION deliveredOn:");
        assertThat(StoredCase.of(orderId)).isEqualTo(before);
    }

    @Test
    void eachSourceReportsOnceAndTheBuyersDateIsTheDeliveryDate() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false); // 2026-03-15
        Lambda.ok(Events.arrival(orderId)); // CARRIER, 2026-03-20
        JsonNode buyer = Lambda.ok(Events.arrival(orderId).put("source", "BUYER").put("deliveredOn", "2026-03-18")).path("arrival");
        assertThat(buyer.path("replay").asBoolean()).isFalse();
        assertThat(buyer.path("caseView").path("arrivals").findValuesAsText("source")).containsExactly("CARRIER", "BUYER");
        assertThat(buyer.path("caseView").path("lateArrival").path("deliveredOn").asText()).isEqualTo("2026-03-18");
        assertThat(StoredCase.of(orderId).arrivalSources()).containsExactly("CARRIER", "BUYER");
        assertThat(StoredCase.of(orderId).count("ARRIVAL_REPORTED")).isEqualTo(2);
    }

    @Test
    void anArrivalBeforeTheOrderDateIsRefused() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        assertThat(Lambda.error(Events.arrival(orderId).put("deliveredOn", "2026-02-28")))
                .contains("[400] VALIDATION_FAILED deliveredOn:");
    }

    /**
     * A later report can move the delivery date before every refund (the buyer's date wins, else the earliest):
     * the late arrival it had flagged is no late arrival any more. Found while writing these tests: the
     * lifecycle lists no move back to OPEN for ARRIVAL_REPORTED, so this is answered 500 instead.
     */
    @Test
    void anEarlierDeliveryReportedAfterALateArrivalIsAnsweredNotAnError() {
        String orderId = Events.newOrderId();
        Fixtures.openRecentCase(functions, orderId, 10); // the claim deadline is weeks away
        LocalDate today = Events.todayInParis();
        Fixtures.refundOn(functions, orderId, "r1", "20.00", false, today.minusDays(3));
        JsonNode flagged = Lambda.ok(arrival(orderId, today.minusDays(1), "CARRIER")).path("arrival");
        assertThat(flagged.path("caseView").path("status").asText()).isEqualTo("LATE_ARRIVAL_FLAGGED");
        StoredCase before = StoredCase.of(orderId);

        Lambda.Outcome earlier = Lambda.outcome(arrival(orderId, today.minusDays(4), "SELLER"));

        assertThat(earlier.status()).as("answered or refused as documented: %s", earlier).isIn(200, 422);
        if (earlier.ok()) {
            assertThat(earlier.body().path("arrival").path("decision").asText()).isEqualTo("ARRIVED_BEFORE_REFUND");
            assertThat(earlier.body().path("arrival").path("caseView").has("lateArrival")).isFalse();
        } else {
            assertThat(StoredCase.of(orderId)).isEqualTo(before);
        }
    }

    /** The same once the late arrival was settled: the report would reopen the case (CLOSED to OPEN), answered 500 instead. */
    @Test
    void anEarlierDeliveryReportedAfterASettledLateArrivalIsAnsweredNotAnError() {
        String orderId = Events.newOrderId();
        Fixtures.openRecentCase(functions, orderId, 10);
        LocalDate today = Events.todayInParis();
        Fixtures.refundOn(functions, orderId, "r1", "20.00", false, today.minusDays(3));
        Lambda.ok(arrival(orderId, today.minusDays(1), "CARRIER"));
        JsonNode settled = Lambda.ok(Events.recordConsent(orderId)).path("followUp");
        assertThat(settled.path("caseView").path("closeReason").asText()).isEqualTo("LATE_ARRIVAL_SETTLED");
        StoredCase before = StoredCase.of(orderId);

        Lambda.Outcome earlier = Lambda.outcome(arrival(orderId, today.minusDays(4), "SELLER"));

        assertThat(earlier.status()).as("answered or refused as documented: %s", earlier).isIn(200, 422);
        if (earlier.ok()) {
            assertThat(earlier.body().path("arrival").path("decision").asText()).isEqualTo("ARRIVED_BEFORE_REFUND");
        } else {
            assertThat(StoredCase.of(orderId)).isEqualTo(before);
        }
    }

    // ------------------------------------------------------------------------------------ follow-ups

    /** Issue point 5: the buyer's consent settles the late arrival of a plain refund. */
    @Test
    void consentGivenSettlesTheLateArrivalAndClosesTheCase() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);
        Lambda.ok(Events.arrival(orderId));

        DynamoDbCalls.reset();
        JsonNode followUp = Lambda.ok(Events.recordConsent(orderId).put("language", "en")).path("followUp");

        assertThat(DynamoDbCalls.calls()).containsExactly("GetItem", "PutItem");
        assertThat(followUp.path("followUp").asText()).isEqualTo("CONSENT_GIVEN");
        assertThat(followUp.path("replay").asBoolean()).isFalse();
        assertThat(followUp.path("says")).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("rule").asText()).isEqualTo("R3");
            assertThat(line.path("text").asText()).isNotBlank().doesNotContain("[R");
        });
        JsonNode caseView = followUp.path("caseView");
        assertThat(caseView.path("status").asText()).isEqualTo("CLOSED");
        assertThat(caseView.path("closeReason").asText()).isEqualTo("LATE_ARRIVAL_SETTLED");
        assertThat(caseView.path("lateArrival").path("consent").asText()).isEqualTo("CONSENT_GIVEN");
        assertThat(caseView.has("nextAttention")).isFalse();
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "REFUND_RECORDED", "ARRIVAL_REPORTED", "CONSENT_GIVEN");

        DynamoDbCalls.reset();
        JsonNode again = Lambda.ok(Events.recordConsent(orderId).put("language", "en")).path("followUp");
        assertThat(DynamoDbCalls.calls()).as("a follow-up delivered again only reads").containsExactly("GetItem");
        assertThat(again.path("replay").asBoolean()).isTrue();
        assertThat(again.path("caseView")).isEqualTo(caseView);
        assertThat(Lambda.error(followUp(orderId, "CONSENT_REFUSED"))).as("the buyer's answer is already recorded")
                .contains("[422] INVALID_TRANSITION followUp:");
    }

    @Test
    void consentRefusedAlsoSettlesTheLateArrival() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);
        Lambda.ok(Events.arrival(orderId));
        JsonNode caseView = Lambda.ok(followUp(orderId, "CONSENT_REFUSED")).path("followUp").path("caseView");
        assertThat(caseView.path("closeReason").asText()).isEqualTo("LATE_ARRIVAL_SETTLED");
        assertThat(caseView.path("lateArrival").path("consent").asText()).isEqualTo("CONSENT_REFUSED");
    }

    /** Issue point 5: the original coming back settles the late arrival of a refund with reorder. */
    @Test
    void theReturnReceivedSettlesTheLateArrivalOfARefundWithReorder() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "full", true);
        Lambda.ok(Events.arrival(orderId));
        assertThat(Lambda.error(Events.recordConsent(orderId))).as("a refund with reorder needs no consent")
                .contains("[422] INVALID_TRANSITION followUp:");

        JsonNode followUp = Lambda.ok(followUp(orderId, "RETURN_RECEIVED")).path("followUp");

        assertThat(followUp.path("says")).isNotEmpty().allSatisfy(line -> assertThat(line.path("rule").asText()).isEqualTo("R7"));
        assertThat(followUp.path("caseView").path("status").asText()).isEqualTo("CLOSED");
        assertThat(followUp.path("caseView").path("closeReason").asText()).isEqualTo("LATE_ARRIVAL_SETTLED");
        assertThat(followUp.path("caseView").path("lateArrival").path("returnReceived").asBoolean()).isTrue();
    }

    @Test
    void aLateArrivalNeedingConsentAndReturnStaysFlaggedUntilBothAreRecorded() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "plain", "20.00", false);
        Fixtures.refund(functions, orderId, "reorder", "full", true);
        Lambda.ok(Events.arrival(orderId));

        JsonNode consent = Lambda.ok(Events.recordConsent(orderId)).path("followUp").path("caseView");
        assertThat(consent.path("status").asText()).isEqualTo("LATE_ARRIVAL_FLAGGED");
        JsonNode returned = Lambda.ok(followUp(orderId, "RETURN_RECEIVED")).path("followUp").path("caseView");
        assertThat(returned.path("status").asText()).isEqualTo("CLOSED");
        assertThat(returned.path("closeReason").asText()).isEqualTo("LATE_ARRIVAL_SETTLED");
    }

    @Test
    void theReplacementOrderIsRecordedOnceOnACaseWhoseRefundAskedForIt() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        assertThat(Lambda.error(followUp(orderId, "REPLACEMENT_ORDERED").put("replacementOrderId", "171-0000000-0000001")))
                .as("no refund asked the buyer to order again").contains("[422] INVALID_TRANSITION followUp:");
        Fixtures.refund(functions, orderId, "r1", "full", true);

        ObjectNode replacement = followUp(orderId, "REPLACEMENT_ORDERED").put("replacementOrderId", "171-0000000-0000001");
        JsonNode first = Lambda.ok(replacement).path("followUp");
        assertThat(first.path("replay").asBoolean()).isFalse();
        assertThat(first.path("caseView").path("replacementOrderId").asText()).isEqualTo("171-0000000-0000001");
        assertThat(first.path("caseView").path("status").asText()).as("a replacement settles nothing by itself").isEqualTo("OPEN");
        assertThat(Lambda.ok(replacement).path("followUp").path("replay").asBoolean()).isTrue();
        assertThat(Lambda.error(replacement.deepCopy().put("replacementOrderId", "171-0000000-0000002")))
                .contains("[422] INVALID_TRANSITION replacementOrderId:");
        assertThat(StoredCase.of(orderId).count("REPLACEMENT_ORDERED")).isEqualTo(1);
    }

    @Test
    void aFollowUpWithNoLateArrivalIsRefusedAndChangesNothing() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);
        StoredCase before = StoredCase.of(orderId);
        assertThat(Lambda.error(Events.recordConsent(orderId))).contains("[422] INVALID_TRANSITION followUp:");
        assertThat(Lambda.error(followUp(orderId, "RETURN_RECEIVED"))).contains("[422] INVALID_TRANSITION followUp:");
        assertThat(StoredCase.of(orderId)).isEqualTo(before);
        assertThat(Lambda.error(Events.recordConsent(Events.newOrderId()))).contains("[404] CASE_NOT_FOUND orderId:");
    }

    // ------------------------------------------------------------------------------------ the sweep

    @Test
    void theScheduledSweepHandlesDueCasesOnceAndOnlyOnce() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId); // opens 2026-03-13, deadline 2026-06-08, no refund
        // Far enough ahead that every due case of every test is due; the case's deadline has passed.
        Instant time = Instant.now().plus(400, ChronoUnit.DAYS);

        JsonNode first = Lambda.ok(Events.sweepAt(time));
        assertThat(first.path("sweep").path("complete").asBoolean()).isTrue();
        assertThat(first.path("sweep").path("changedOrders").toString()).contains(orderId);
        StoredCase swept = StoredCase.of(orderId);
        assertThat(swept.events()).as("one entry per attention handled")
                .containsExactly("CASE_OPENED", "CLAIM_WINDOW_OPENED", "CLAIM_DEADLINE_PASSED");
        assertThat(swept.status()).isEqualTo("CLOSED");
        assertThat(swept.closeReason()).isEqualTo("CLAIM_DEADLINE_PASSED");
        assertThat(swept.item()).as("no longer due").doesNotContainKey("dueOn");

        DynamoDbCalls.reset();
        JsonNode second = Lambda.ok(Events.sweepAt(time));
        assertThat(second.path("sweep").path("changed").asInt()).isZero();
        assertThat(DynamoDbCalls.calls()).as("a second run reads the index, writes nothing").containsOnly("Query");
        assertThat(StoredCase.of(orderId).item()).isEqualTo(swept.item());

        // Closed at the deadline is not closed for good: the buyer's word that it arrived is still recorded.
        JsonNode arrival = Lambda.ok(Events.arrival(orderId).put("source", "BUYER")).path("arrival");
        assertThat(arrival.path("decision").asText()).isEqualTo("RECEIPT_CONFIRMED");
        assertThat(arrival.path("caseView").path("closeReason").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void aScheduledEventWithoutTimeIsRefused() {
        var event = Events.sweep();
        event.remove("time");
        assertThat(Lambda.error(event)).contains("[400] VALIDATION_FAILED time:");
    }

    @Test
    void usesOnlyTheDynamoDbActionsItsRoleGrants() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);
        DynamoDbCalls.reset();
        Lambda.ok(Events.arrival(orderId));
        Lambda.ok(Events.recordConsent(orderId));
        Lambda.ok(Events.sweepAt(Instant.now().plus(30, ChronoUnit.DAYS)));
        assertThat(DynamoDbCalls.calls()).contains("GetItem", "PutItem", "Query").allSatisfy(op ->
                assertThat(CaseTable.ACTIONS_BY_FUNCTION.get(CaseTable.FLAG_LATE_ARRIVAL)).contains("dynamodb:" + op));
    }
}
