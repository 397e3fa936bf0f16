package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.testing.CallCounter;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
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
        assertThat(explanation).allSatisfy(line -> assertThat(line.asText()).matches("\\[R[1-8]\\] .+"));
        assertThat(explanation.get(explanation.size() - 1).asText()).startsWith("[R2] ");
        assertThat(explanation.get(0).asText())
                .isEqualTo("[R6] Au 14 mars 2026, l'acheteur peut déposer une réclamation jusqu'au 8 juin 2026 inclus (encore 86 jours).");
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
        CallCounter.reset();
        Lambda.ok(Events.evaluate(orderId));
        assertThat(CallCounter.calls()).hasSizeLessThanOrEqualTo(2).containsExactly("GetItem", "PutItem");

        CallCounter.reset();
        JsonNode again = Lambda.ok(Events.evaluate(orderId));
        assertThat(CallCounter.calls()).as("unchanged facts are not written again").containsExactly("GetItem");
        assertThat(again.path("caseView").path("version").asLong()).isEqualTo(1);

        CallCounter.reset();
        JsonNode updated = Lambda.ok(Events.evaluate(orderId).put("orderTotal", "64.90"));
        assertThat(CallCounter.calls()).containsExactly("GetItem", "PutItem");
        assertThat(updated.path("caseView").path("version").asLong()).isEqualTo(2);
        assertThat(updated.path("caseView").path("remaining").asText()).isEqualTo("64.90");
    }

    @Test
    void usesOnlyTheDynamoDbActionsItsRoleGrants() {
        CallCounter.reset();
        String orderId = Events.newOrderId();
        Lambda.ok(Events.evaluate(orderId));
        Lambda.ok(Events.evaluate(orderId).put("orderTotal", "60.00"));
        assertThat(CallCounter.calls()).allSatisfy(op ->
                assertThat(CaseTable.ACTIONS_BY_FUNCTION.get(CaseTable.EVALUATE_CLAIM)).contains("dynamodb:" + op));
    }

    @Test
    void answersInEnglishWhenAsked() {
        JsonNode answer = Lambda.ok(Events.evaluate(Events.newOrderId()).put("language", "en"));
        assertThat(answer.path("explanation").get(0).asText())
                .isEqualTo("[R6] On March 14, 2026, the buyer can file a claim until June 8, 2026 inclusive (86 days left).");
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
}
