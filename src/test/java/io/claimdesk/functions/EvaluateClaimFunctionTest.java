package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

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
@TestProfile(FunctionProfile.EvaluateClaim.class)
class EvaluateClaimFunctionTest {

    @Test
    void opensTheCaseAndSaysWhereTheBuyerStands() {
        String orderId = Events.newOrderId();
        JsonNode answer = Lambda.ok(Events.evaluate(orderId));

        // DOMAIN.md's first worked example: order 2026-03-01, max delivery 2026-03-10.
        assertThat(answer.path("claimWindow").path("opensOn").asText()).isEqualTo("2026-03-13");
        assertThat(answer.path("claimWindow").path("deadline").asText()).isEqualTo("2026-06-08");
        // As of 2026-03-14 the window is open; 86 days remain through 2026-06-08.
        assertThat(answer.path("phase").path("name").asText()).isEqualTo("OPEN");
        assertThat(answer.path("phase").path("daysLeft").asLong()).isEqualTo(86);
        assertThat(answer.path("options").get(0).path("kind").asText()).isEqualTo("CONTACT_BUYER");
        assertThat(answer.path("options").findValuesAsText("kind"))
                .contains("REFUND", "REFUND_AND_REORDER", "CARRIER_ASSISTANCE")
                .doesNotContain("FBA_PROCESS");
        assertThat(answer.path("language").asText()).isEqualTo("fr");
        JsonNode explanation = answer.path("explanation");
        assertThat(explanation).allSatisfy(line -> {
            assertThat(line.path("rule").asText()).matches("R([1-9]|1[0-2])");
            assertThat(line.path("text").asText()).isNotBlank().doesNotContain("[R");
            assertThat(line.size()).as("a sentence is its rule and its text").isEqualTo(2);
        });
        assertThat(explanation.get(explanation.size() - 1).path("rule").asText()).isEqualTo("R2");
        assertThat(explanation.get(0).path("rule").asText()).isEqualTo("R6");
        assertThat(explanation.get(0).path("text").asText())
                .isEqualTo("Au 14 mars 2026, l'acheteur peut déposer une réclamation jusqu'au 8 juin 2026 inclus (encore 86 jours).");
        // Not shipped with claims protection: a claim would count toward the order defect rate (R12).
        assertThat(answer.path("options").get(0).path("consequences").findValuesAsText("rule"))
                .containsExactly("R1", "R5", "R12");
        assertThat(answer.path("options").get(0).path("draft").path("purpose").asText()).isEqualTo("CONTACT_BUYER");
        assertThat(answer.path("options").get(0).path("draft").path("text").asText()).startsWith("Bonjour,\n")
                .contains(orderId).endsWith("\n[Votre nom de vendeur]");
        assertThat(answer.path("caseView").path("status").asText()).isEqualTo("OPEN");
        assertThat(answer.path("caseView").path("version").asLong()).isEqualTo(1);
        assertThat(answer.path("caseView").path("remaining").asText()).isEqualTo("59.90");
        assertThat(answer.path("caseView").path("history").get(0).path("event").asText()).isEqualTo("CASE_OPENED");
    }

    @Test
    void staysWithinItsRoundTripBudget() {
        String orderId = Events.newOrderId();
        DynamoDbCalls.reset();
        Lambda.ok(Events.evaluate(orderId));
        assertThat(DynamoDbCalls.calls()).hasSizeLessThanOrEqualTo(2).containsExactly("GetItem", "PutItem");

        DynamoDbCalls.reset();
        JsonNode again = Lambda.ok(Events.evaluate(orderId));
        assertThat(DynamoDbCalls.calls()).as("unchanged facts are not written again").containsExactly("GetItem");
        assertThat(again.path("caseView").path("version").asLong()).isEqualTo(1);

        DynamoDbCalls.reset();
        JsonNode updated = Lambda.ok(Events.evaluate(orderId).put("orderTotal", "64.90"));
        assertThat(DynamoDbCalls.calls()).containsExactly("GetItem", "PutItem");
        assertThat(updated.path("caseView").path("version").asLong()).isEqualTo(2);
        assertThat(updated.path("caseView").path("remaining").asText()).isEqualTo("64.90");
    }

    @Test
    void usesOnlyTheDynamoDbActionsItsRoleGrants() {
        DynamoDbCalls.reset();
        String orderId = Events.newOrderId();
        Lambda.ok(Events.evaluate(orderId));
        Lambda.ok(Events.evaluate(orderId).put("orderTotal", "60.00"));
        Lambda.ok(Events.fileClaim(orderId).put("orderTotal", "60.00"));
        assertThat(DynamoDbCalls.calls()).contains("GetItem", "PutItem").allSatisfy(op ->
                assertThat(CaseTable.ACTIONS_BY_FUNCTION.get(CaseTable.EVALUATE_CLAIM)).contains("dynamodb:" + op));
    }

    @Test
    void answersInEnglishWhenAsked() {
        JsonNode answer = Lambda.ok(Events.evaluate(Events.newOrderId()).put("language", "en"));
        assertThat(answer.path("explanation").get(0).path("text").asText())
                .as("English on the French marketplace: British formats")
                .isEqualTo("As of 14 March 2026, the buyer can file a claim until 8 June 2026 inclusive (86 days left).");
        assertThat(answer.path("options").get(0).path("draft").path("language").asText()).as("the buyer's language").isEqualTo("fr");
    }

    @Test
    void refusesAnUnknownMarketplaceNamingTheField() {
        String message = Lambda.error(Events.evaluate(Events.newOrderId()).put("marketplace", "XX"));
        assertThat(message).contains("[400] VALIDATION_FAILED marketplace: unknown marketplace 'XX'");
    }

    @Test
    void malformedJsonNeverReachesTheFunction() {
        String message = Lambda.error("{\"orderId\": ");
        assertThat(message).startsWith("Could not deserialize");
    }

    private static ObjectNode claim(ObjectNode evaluation) {
        return (ObjectNode) evaluation.path("claim");
    }

    /** Issue point 7: no order is placed in the future of the marketplace's calendar. */
    @Test
    void anOrderDateInTheFutureIsRefused() {
        LocalDate tomorrow = Events.todayInParis().plusDays(1);
        String orderId = Events.newOrderId();
        ObjectNode future = Events.evaluate(orderId).put("orderDate", tomorrow.toString())
                .put("maxDeliveryDate", tomorrow.plusDays(9).toString());
        future.remove("reportedOn");

        assertThat(Lambda.error(future)).contains("[400] VALIDATION_FAILED orderDate:");
        assertThat(StoredCase.of(orderId).exists()).as("no case opened").isFalse();

        Lambda.ok(Events.evaluate(orderId));
        StoredCase before = StoredCase.of(orderId);
        assertThat(Lambda.error(future)).as("nor corrected into the future").contains("[400] VALIDATION_FAILED orderDate:");
        assertThat(Lambda.error(Events.evaluate(orderId).put("reportedOn", tomorrow.toString())))
                .contains("[400] VALIDATION_FAILED reportedOn:");
        assertThat(StoredCase.of(orderId)).isEqualTo(before);
    }

    @Test
    void aClaimFiledIsRecordedWithTheEvidenceToAnswerItAndIsDueThatDay() {
        String orderId = Events.newOrderId();
        Lambda.ok(Events.evaluate(orderId));

        DynamoDbCalls.reset();
        LocalDate today = Events.todayInParis();
        JsonNode answer = Lambda.ok(Events.fileClaim(orderId));

        assertThat(DynamoDbCalls.calls()).containsExactly("GetItem", "PutItem");
        JsonNode caseView = answer.path("caseView");
        assertThat(caseView.path("status").asText()).isEqualTo("CLAIM_FILED");
        assertThat(caseView.path("claim").path("filedOn").asText()).isEqualTo("2026-03-20");
        assertThat(caseView.path("claim").has("outcome")).isFalse();
        assertThat(caseView.path("history").findValuesAsText("event")).containsExactly("CASE_OPENED", "CLAIM_FILED");
        assertThat(caseView.path("nextAttention").path("kind").asText()).isEqualTo("CLAIM_RESPONSE_DUE");
        assertThat(LocalDate.parse(caseView.path("nextAttention").path("on").asText()))
                .as("due the day it is recorded").isBetween(today, Events.todayInParis());
        JsonNode evidence = answer.path("evidence");
        JsonNode shipment = Events.fileClaim(orderId).path("shipment");
        assertThat(evidence.path("carrier").asText()).isEqualTo(shipment.path("carrier").asText());
        assertThat(evidence.path("tracked").asBoolean()).isEqualTo(shipment.path("tracking").asBoolean());
        assertThat(evidence.path("insured").asBoolean()).isEqualTo(shipment.path("insured").asBoolean());
        assertThat(evidence.path("carrierStatus").asText()).isEqualTo(shipment.path("status").asText());
        assertThat(evidence.path("refunds")).isEmpty();
        assertThat(evidence.has("deliveryScanOn")).isFalse();
        assertThat(answer.path("explanation").toString()).contains("20 mars 2026");

        DynamoDbCalls.reset();
        JsonNode again = Lambda.ok(Events.fileClaim(orderId));
        assertThat(DynamoDbCalls.calls()).as("the same claim again writes nothing").containsExactly("GetItem");
        assertThat(again.path("caseView")).isEqualTo(caseView);
        assertThat(Lambda.error(Events.fileClaim(orderId).set("claim", Events.JSON.createObjectNode().put("filedOn", "2026-03-21"))))
                .as("one claim per case").contains("[422] INVALID_TRANSITION claim.filedOn:");
    }

    @Test
    void aClaimFiledOnANewOrderOpensTheCaseAndRecordsItInOneWrite() {
        String orderId = Events.newOrderId();
        DynamoDbCalls.reset();
        JsonNode answer = Lambda.ok(Events.fileClaim(orderId));
        assertThat(DynamoDbCalls.calls()).containsExactly("GetItem", "PutItem");
        assertThat(answer.path("caseView").path("version").asLong()).isEqualTo(1);
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "CLAIM_FILED");
    }

    @Test
    void aClaimFiledAfterTheDeadlineIsAccepted() {
        String orderId = Events.newOrderId();
        ObjectNode late = Events.fileClaim(orderId).put("asOf", "2026-06-20");
        claim(late).put("filedOn", "2026-06-20"); // the deadline was 2026-06-08
        JsonNode answer = Lambda.ok(late);
        assertThat(answer.path("phase").path("name").asText()).isEqualTo("LATE");
        assertThat(answer.path("caseView").path("status").asText()).isEqualTo("CLAIM_FILED");
        assertThat(answer.path("evidence").isObject()).isTrue();
    }

    @Test
    void aClaimGrantedOrDeniedClosesTheCaseWithNoOptionLeft() {
        for (String outcome : new String[] {"GRANTED", "DENIED"}) {
            String orderId = Events.newOrderId();
            ObjectNode decided = Events.fileClaim(orderId);
            claim(decided).put("outcome", outcome).put("decidedOn", "2026-03-30");
            JsonNode answer = Lambda.ok(decided);
            assertThat(answer.path("caseView").path("status").asText()).as(outcome).isEqualTo("CLOSED");
            assertThat(answer.path("caseView").path("closeReason").asText()).isEqualTo("CLAIM_" + outcome);
            assertThat(answer.path("caseView").path("claim").path("decidedOn").asText()).isEqualTo("2026-03-30");
            assertThat(answer.path("options")).as("settled for good").isEmpty();
            // Only a grant can be appealed, until 30 days after the decision (R10); the sweep notes the day after.
            if (outcome.equals("GRANTED")) {
                assertThat(answer.path("caseView").path("claim").path("appealBy").asText()).isEqualTo("2026-04-29");
                assertThat(answer.path("caseView").path("nextAttention").path("kind").asText()).isEqualTo("APPEAL_PERIOD_ENDS");
                assertThat(answer.path("caseView").path("nextAttention").path("on").asText()).isEqualTo("2026-04-30");
            } else {
                assertThat(answer.path("caseView").has("nextAttention")).isFalse();
                assertThat(answer.path("caseView").path("claim").has("appealBy")).isFalse();
            }
            assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "CLAIM_FILED", "CLAIM_" + outcome);
        }
    }

    @Test
    void aClaimWithdrawnLeavesTheCaseWhereTheRestPutsIt() {
        String orderId = Events.newOrderId();
        Lambda.ok(Events.fileClaim(orderId));
        ObjectNode withdrawn = Events.fileClaim(orderId);
        claim(withdrawn).put("outcome", "WITHDRAWN");
        JsonNode answer = Lambda.ok(withdrawn);
        assertThat(answer.path("caseView").path("status").asText()).isEqualTo("OPEN");
        assertThat(answer.path("caseView").path("claim").path("outcome").asText()).isEqualTo("WITHDRAWN");
        assertThat(answer.path("options").findValuesAsText("kind")).contains("CONTACT_BUYER", "REFUND");
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "CLAIM_FILED", "CLAIM_WITHDRAWN");
    }

    /**
     * "A new outcome replaces the old one (Amazon may reverse a decision)": a withdrawn claim later granted.
     * Found while writing these tests: CLAIM_GRANTED lists no move from OPEN, so this is answered 500 instead.
     */
    @Test
    void aWithdrawnClaimLaterGrantedIsAnsweredNotAnError() {
        String orderId = Events.newOrderId();
        ObjectNode withdrawn = Events.fileClaim(orderId);
        claim(withdrawn).put("outcome", "WITHDRAWN").put("decidedOn", "2026-03-25");
        assertThat(Lambda.ok(withdrawn).path("caseView").path("status").asText()).isEqualTo("OPEN");
        StoredCase before = StoredCase.of(orderId);

        ObjectNode granted = Events.fileClaim(orderId);
        claim(granted).put("outcome", "GRANTED").put("decidedOn", "2026-03-30");
        Lambda.Outcome outcome = Lambda.outcome(granted);

        assertThat(outcome.status()).as("answered or refused as documented: %s", outcome).isIn(200, 422);
        if (outcome.ok()) {
            assertThat(outcome.body().path("caseView").path("closeReason").asText()).isEqualTo("CLAIM_GRANTED");
        } else {
            assertThat(StoredCase.of(orderId)).isEqualTo(before);
        }
    }
}
