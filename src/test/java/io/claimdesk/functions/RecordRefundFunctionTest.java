package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

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
@TestProfile(FunctionProfile.RecordRefund.class)
class RecordRefundFunctionTest {

    @Inject
    ClaimFunctions functions;

    @Test
    void recordsAPartialRefundWithOneConditionalUpdate() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);

        CallCounter.reset();
        JsonNode answer = Lambda.ok(Events.refund(orderId));

        assertThat(CallCounter.calls()).containsExactly("UpdateItem");
        assertThat(answer.path("replay").asBoolean()).isFalse();
        assertThat(answer.path("refund").path("amount").asText()).isEqualTo("20.00");
        assertThat(answer.path("draft").path("purpose").asText()).isEqualTo("REFUND_DONE");
        assertThat(answer.path("draft").path("text").asText()).contains("Nous vous avons remboursé 20,00\u00a0€.");
        assertThat(answer.path("caseView").path("refunded").asText()).isEqualTo("20.00");
        assertThat(answer.path("caseView").path("remaining").asText()).isEqualTo("39.90");
        assertThat(answer.path("caseView").path("refundStanding").asText()).isEqualTo("PARTIAL");
        assertThat(answer.path("caseView").path("version").asLong()).isEqualTo(2);
        JsonNode last = answer.path("caseView").path("history").get(1);
        assertThat(last.path("event").asText()).isEqualTo("REFUND_RECORDED");
        assertThat(last.path("by").asText()).isEqualTo("recordRefund");
        assertThat(last.path("rules").toString()).contains("R3");
    }

    @Test
    void aReplayChangesNothingAndAnswersTheSame() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        JsonNode first = Lambda.ok(Events.refund(orderId));

        CallCounter.reset();
        JsonNode again = Lambda.ok(Events.refund(orderId));

        assertThat(CallCounter.calls()).as("the refused update returns the case: no second read").containsExactly("UpdateItem");
        assertThat(again.path("replay").asBoolean()).isTrue();
        assertThat(again.path("refund")).isEqualTo(first.path("refund"));
        assertThat(again.path("caseView").path("version").asLong()).isEqualTo(2);
        assertThat(again.path("caseView").path("remaining").asText()).isEqualTo("39.90");
    }

    @Test
    void theSameRefundIdWithOtherContentIsAConflict() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Lambda.ok(Events.refund(orderId));
        String message = Lambda.error(Events.refund(orderId).put("amount", "25.00"));
        assertThat(message).contains("[409] REFUND_ID_CONFLICT refundId:");
    }

    @Test
    void neverRefundsMoreThanIsLeft() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Lambda.ok(Events.refund(orderId).put("refundId", "a").put("amount", "50.00"));
        String message = Lambda.error(Events.refund(orderId).put("refundId", "b").put("amount", "10.00"));
        // 59.90 - 50.00 leaves 9.90.
        assertThat(message).contains("[422] REFUND_EXCEEDS_REMAINING amount:").contains("9.90 EUR");
    }

    @Test
    void aFullRefundTakesWhatIsLeft() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Lambda.ok(Events.refund(orderId).put("refundId", "a").put("amount", "9.90"));

        CallCounter.reset();
        JsonNode answer = Lambda.ok(Events.refund(orderId).put("refundId", "b").put("amount", "full").put("reorderRequested", true));

        assertThat(CallCounter.calls()).containsExactly("GetItem", "UpdateItem");
        assertThat(answer.path("refund").path("amount").asText()).isEqualTo("50.00");
        assertThat(answer.path("caseView").path("remaining").asText()).isEqualTo("0.00");
        assertThat(answer.path("caseView").path("refundStanding").asText()).isEqualTo("FULL");
        assertThat(Lambda.error(Events.refund(orderId).put("refundId", "c").put("amount", "full")))
                .contains("[422] REFUND_EXCEEDS_REMAINING amount:");
    }

    @Test
    void aRefundForAnUnknownOrderIsNotFound() {
        assertThat(Lambda.error(Events.refund(Events.newOrderId()))).contains("[404] CASE_NOT_FOUND orderId:");
    }

    @Test
    void anAmountInAnotherCurrencyIsRefused() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        assertThat(Lambda.error(Events.refund(orderId).put("currency", "GBP"))).contains("[400] VALIDATION_FAILED currency:");
    }

    @Test
    void usesOnlyTheDynamoDbActionsItsRoleGrants() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        CallCounter.reset();
        Lambda.ok(Events.refund(orderId));
        Lambda.ok(Events.refund(orderId));
        Lambda.ok(Events.refund(orderId).put("refundId", "rest").put("amount", "full"));
        Lambda.error(Events.refund(orderId).put("refundId", "more").put("amount", "1.00"));
        assertThat(CallCounter.calls()).allSatisfy(op ->
                assertThat(CaseTable.ACTIONS_BY_FUNCTION.get(CaseTable.RECORD_REFUND)).contains("dynamodb:" + op));
    }
}
