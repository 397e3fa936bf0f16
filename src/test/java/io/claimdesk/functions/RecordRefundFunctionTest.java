package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

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
@TestProfile(FunctionProfile.RecordRefund.class)
class RecordRefundFunctionTest {

    @Inject
    ClaimFunctions functions;

    @Test
    void recordsAPartialRefundByReadingTheCaseThenWritingItAtTheVersionRead() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);

        DynamoDbCalls.reset();
        JsonNode answer = Lambda.ok(Events.refund(orderId));

        assertThat(DynamoDbCalls.calls()).containsExactly("GetItem", "PutItem");
        assertThat(answer.path("replay").asBoolean()).isFalse();
        assertThat(answer.path("refund").path("amount").asText()).isEqualTo("20.00");
        assertThat(answer.path("refund").path("refundedOn").asText()).isEqualTo("2026-03-15");
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
        StoredCase stored = StoredCase.of(orderId);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.refundIds()).containsExactly("rf-0001");
        assertThat(stored.refundAmount("rf-0001")).isEqualByComparingTo("20.00");
    }

    @Test
    void aReplayOnlyReadsTheCaseChangesNothingAndAnswersTheSame() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        JsonNode first = Lambda.ok(Events.refund(orderId));
        StoredCase before = StoredCase.of(orderId);

        DynamoDbCalls.reset();
        JsonNode again = Lambda.ok(Events.refund(orderId));

        assertThat(DynamoDbCalls.calls()).as("the replay is recognised on the case read: nothing to write").containsExactly("GetItem");
        assertThat(again.path("replay").asBoolean()).isTrue();
        assertThat(again.path("refund")).isEqualTo(first.path("refund"));
        assertThat(again.path("caseView")).isEqualTo(first.path("caseView"));
        assertThat(again.path("caseView").path("version").asLong()).isEqualTo(2);
        assertThat(again.path("caseView").path("remaining").asText()).isEqualTo("39.90");
        assertThat(StoredCase.of(orderId)).isEqualTo(before);
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
        assertThat(StoredCase.of(orderId).refundIds()).containsExactly("a");
    }

    @Test
    void aFullRefundTakesWhatIsLeft() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Lambda.ok(Events.refund(orderId).put("refundId", "a").put("amount", "9.90"));

        DynamoDbCalls.reset();
        JsonNode answer = Lambda.ok(Events.refund(orderId).put("refundId", "b").put("amount", "full").put("reorderRequested", true));

        assertThat(DynamoDbCalls.calls()).containsExactly("GetItem", "PutItem");
        assertThat(answer.path("refund").path("amount").asText()).isEqualTo("50.00");
        assertThat(answer.path("refund").path("full").asBoolean()).isTrue();
        assertThat(answer.path("caseView").path("remaining").asText()).isEqualTo("0.00");
        assertThat(answer.path("caseView").path("refundStanding").asText()).isEqualTo("FULL");
        assertThat(Lambda.error(Events.refund(orderId).put("refundId", "c").put("amount", "full")))
                .contains("[422] REFUND_EXCEEDS_REMAINING amount:");
    }

    /** The first point: a partial refund sent without its date (and without a currency) was answered 500. */
    @Test
    void aPartialRefundWithoutItsDateIsRecorded() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        ObjectNode refund = Events.refund(orderId);
        refund.remove("refundedOn");
        refund.remove("currency");

        LocalDate before = Events.todayInParis();
        JsonNode answer = Lambda.ok(refund);
        LocalDate after = Events.todayInParis();

        assertThat(answer.path("replay").asBoolean()).isFalse();
        assertThat(answer.path("refund").path("amount").asText()).isEqualTo("20.00");
        assertThat(LocalDate.parse(answer.path("refund").path("refundedOn").asText()))
                .as("dated today in the marketplace's zone").isBetween(before, after);
        assertThat(answer.path("caseView").path("currency").asText()).isEqualTo("EUR");
        assertThat(answer.path("caseView").path("remaining").asText()).isEqualTo("39.90");
        StoredCase stored = StoredCase.of(orderId);
        assertThat(stored.refundIds()).containsExactly("rf-0001");
        assertThat(stored.events()).containsExactly("CASE_OPENED", "REFUND_RECORDED");

        assertThat(Lambda.ok(refund).path("replay").asBoolean()).as("the same refund again, still undated").isTrue();
        assertThat(StoredCase.of(orderId).version()).isEqualTo(2);
    }

    @Test
    void aRefundWithoutCurrencyIsInTheOrdersCurrencyAtItsScale() {
        String orderId = Events.newOrderId();
        Fixtures.evaluate(functions, Events.evaluate(orderId).put("marketplace", "JP").put("currency", "JPY").put("orderTotal", "5000"));
        ObjectNode refund = Events.refund(orderId).put("amount", "1200");
        refund.remove("currency");

        JsonNode answer = Lambda.ok(refund);

        assertThat(answer.path("caseView").path("currency").asText()).isEqualTo("JPY");
        assertThat(answer.path("refund").path("amount").asText()).isEqualTo("1200");
        assertThat(answer.path("caseView").path("remaining").asText()).isEqualTo("3800");
        assertThat(Lambda.error(refund.deepCopy().put("refundId", "rf-0002").put("amount", "100.5")))
                .as("yen have no decimals, whether or not the currency is named").contains("[400] VALIDATION_FAILED amount:");
    }

    @Test
    void anOrderFulfilledByTheMarketplaceTakesNoSellerRefund() {
        String orderId = Events.newOrderId();
        Fixtures.evaluate(functions, Events.evaluate(orderId).put("fulfilment", "MARKETPLACE"));
        StoredCase before = StoredCase.of(orderId);

        assertThat(Lambda.error(Events.refund(orderId))).contains("[422] INVALID_TRANSITION orderId:");
        assertThat(StoredCase.of(orderId)).isEqualTo(before);
    }

    /** Refunds are the seller's to make whatever the claim window's phase or the case's status. */
    @Test
    void aRefundIsRecordedBeforeTheWindowOpensAfterAClaimAndOnAClosedCase() {
        String early = Events.newOrderId();
        JsonNode opened = Fixtures.openRecentCase(functions, early, 1);
        assertThat(LocalDate.parse(opened.path("claimWindow").path("opensOn").asText())).isAfter(Events.todayInParis());
        ObjectNode undated = Events.refund(early);
        undated.remove("refundedOn");
        assertThat(Lambda.ok(undated).path("caseView").path("status").asText()).isEqualTo("OPEN");

        String claimed = Events.newOrderId();
        Fixtures.evaluate(functions, Events.fileClaim(claimed));
        JsonNode afterClaim = Lambda.ok(Events.refund(claimed));
        assertThat(afterClaim.path("caseView").path("status").asText()).isEqualTo("CLAIM_FILED");
        assertThat(afterClaim.path("caseView").path("refunds").findValuesAsText("refundId")).containsExactly("rf-0001");

        String delivered = Events.newOrderId();
        Fixtures.openCase(functions, delivered);
        Fixtures.arrival(functions, delivered, LocalDate.parse("2026-03-12"), "BUYER");
        assertThat(StoredCase.of(delivered).status()).isEqualTo("CLOSED");
        JsonNode onClosed = Lambda.ok(Events.refund(delivered)); // 2026-03-15, after the parcel came
        assertThat(onClosed.path("replay").asBoolean()).isFalse();
        assertThat(onClosed.path("caseView").path("status").asText()).isEqualTo("CLOSED");
        assertThat(onClosed.path("caseView").path("closeReason").asText()).isEqualTo("DELIVERED");
        assertThat(StoredCase.of(delivered).events()).containsExactly("CASE_OPENED", "ARRIVAL_REPORTED", "REFUND_RECORDED");
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
        DynamoDbCalls.reset();
        Lambda.ok(Events.refund(orderId));
        Lambda.ok(Events.refund(orderId));
        Lambda.ok(Events.refund(orderId).put("refundId", "rest").put("amount", "full"));
        Lambda.error(Events.refund(orderId).put("refundId", "more").put("amount", "1.00"));
        assertThat(DynamoDbCalls.calls()).contains("GetItem", "PutItem").allSatisfy(op ->
                assertThat(CaseTable.ACTIONS_BY_FUNCTION.get(CaseTable.RECORD_REFUND)).contains("dynamodb:" + op));
    }
}
