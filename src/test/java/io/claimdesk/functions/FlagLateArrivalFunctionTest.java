package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.testing.CallCounter;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(FunctionProfile.FlagLateArrival.class)
class FlagLateArrivalFunctionTest {

    @Inject
    ClaimFunctions functions;

    @Test
    void anArrivalAfterARefundAsksConsentToChargeAgain() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);

        CallCounter.reset();
        JsonNode answer = Lambda.ok(Events.arrival(orderId).put("language", "en"));

        assertThat(CallCounter.calls()).containsExactly("GetItem", "PutItem");
        JsonNode arrival = answer.path("arrival");
        assertThat(arrival.path("decision").asText()).isEqualTo("ASK_CONSENT_TO_CHARGE");
        assertThat(arrival.path("nextSteps").get(0).asText())
                .startsWith("[R3] The original order arrived on March 20, 2026, after it was refunded: Amazon can charge the buyer again");
        assertThat(arrival.path("drafts")).singleElement().satisfies(draft -> {
            assertThat(draft.path("purpose").asText()).isEqualTo("ASK_CONSENT_TO_CHARGE");
            assertThat(draft.path("language").asText()).isEqualTo("fr");
            assertThat(draft.path("text").asText()).contains("livrée le 20 mars 2026").contains("remboursé 20,00\u00a0€")
                    .contains("Amazon peut vous refacturer");
        });
        assertThat(arrival.path("caseView").path("status").asText()).isEqualTo("LATE_ARRIVAL_FLAGGED");
        assertThat(answer.has("sweep")).isFalse();
    }

    @Test
    void anArrivalAfterARefundAndReorderArrangesTheReturn() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "full", true);
        JsonNode answer = Lambda.ok(Events.arrival(orderId));
        assertThat(answer.path("arrival").path("decision").asText()).isEqualTo("ARRANGE_RETURN");
        assertThat(answer.path("arrival").path("nextSteps").get(0).asText()).startsWith("[R7] ");
    }

    @Test
    void anArrivalBeforeAnyRefundClosesTheCaseAsDelivered() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        JsonNode answer = Lambda.ok(Events.arrival(orderId));
        assertThat(answer.path("arrival").path("decision").asText()).isEqualTo("CLOSED_AS_DELIVERED");
        assertThat(answer.path("arrival").path("caseView").path("status").asText()).isEqualTo("CLOSED");
        assertThat(answer.path("arrival").path("caseView").path("closeReason").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void aParcelThatArrivedBeforeTheRefundIsSaidExplicitly() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false); // refunded on 2026-03-15
        JsonNode answer = Lambda.ok(Events.arrival(orderId).put("deliveredOn", "2026-03-12"));
        assertThat(answer.path("arrival").path("refundedAfterArrivalOn").asText()).isEqualTo("2026-03-15");
        assertThat(answer.path("arrival").path("nextSteps").toString()).contains("[R3]").contains("12 mars 2026").contains("15 mars 2026");
    }

    @Test
    void aRepeatedArrivalReportChangesNothing() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);
        JsonNode first = Lambda.ok(Events.arrival(orderId));
        CallCounter.reset();
        JsonNode again = Lambda.ok(Events.arrival(orderId));
        assertThat(CallCounter.calls()).containsExactly("GetItem");
        assertThat(again.path("arrival").path("replay").asBoolean()).isTrue();
        assertThat(again.path("arrival").path("caseView").path("version"))
                .isEqualTo(first.path("arrival").path("caseView").path("version"));
    }

    @Test
    void anArrivalBeforeTheOrderDateIsRefused() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        assertThat(Lambda.error(Events.arrival(orderId).put("deliveredOn", "2026-02-28")))
                .contains("[400] VALIDATION_FAILED deliveredOn:");
    }

    @Test
    void theScheduledSweepHandlesDueCasesOnceAndOnlyOnce() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId); // opens 2026-03-13, deadline 2026-06-08, no refund
        // Far enough ahead that every due case of every test is due; the case's deadline has passed.
        String time = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

        JsonNode first = Lambda.ok(Events.sweep().put("time", time));
        assertThat(first.path("sweep").path("complete").asBoolean()).isTrue();
        assertThat(first.path("sweep").path("changedOrders").toString()).contains(orderId);

        CallCounter.reset();
        JsonNode second = Lambda.ok(Events.sweep().put("time", time));
        assertThat(second.path("sweep").path("changed").asInt()).isZero();
        assertThat(CallCounter.calls()).as("a second run reads the index, writes nothing").containsOnly("Query");

        // The deadline passed without a refund, so the sweep closed the case: it takes no arrival any more.
        assertThat(Lambda.error(Events.arrival(orderId))).contains("[422] INVALID_TRANSITION orderId:").contains("CLAIM_DEADLINE_PASSED");
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
        CallCounter.reset();
        Lambda.ok(Events.arrival(orderId));
        Lambda.ok(Events.sweep().put("time", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(CallCounter.calls()).isNotEmpty().allSatisfy(op ->
                assertThat(CaseTable.ACTIONS_BY_FUNCTION.get(CaseTable.FLAG_LATE_ARRIVAL)).contains("dynamodb:" + op));
    }
}
