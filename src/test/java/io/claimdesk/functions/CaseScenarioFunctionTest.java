package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * One case through all three functions and the scheduled sweep, against the real local engine:
 * the same path the README's walkthrough takes. The exported function (flagLateArrival) is driven
 * through the mock event server; the first two steps call the other functions' methods.
 */
@QuarkusTest
@TestProfile(FunctionProfile.FlagLateArrival.class)
class CaseScenarioFunctionTest {

    @Inject
    ClaimFunctions functions;

    @Test
    void evaluateRefundLateArrivalThenSweep() {
        String orderId = Events.newOrderId();

        JsonNode evaluated = Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        assertThat(evaluated.path("caseView").path("status").asText()).isEqualTo("OPEN");

        JsonNode refunded = Answers.json(functions.recordRefund(Events.refund(orderId)));
        assertThat(refunded.path("caseView").path("remaining").asText()).isEqualTo("39.90");

        JsonNode arrived = Lambda.ok(Events.arrival(orderId));
        assertThat(arrived.path("arrival").path("decision").asText()).isEqualTo("ASK_CONSENT_TO_CHARGE");
        String followUpOn = arrived.path("arrival").path("caseView").path("nextAttention").path("on").asText();
        assertThat(arrived.path("arrival").path("caseView").path("nextAttention").path("kind").asText())
                .isEqualTo("LATE_ARRIVAL_FOLLOW_UP");

        // The schedule fires eight days later: the follow-up (seven days after flagging) is due.
        String time = Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode swept = Lambda.ok(Events.sweep().put("time", time));
        assertThat(swept.path("sweep").path("changedOrders").toString()).contains(orderId);

        JsonNode again = Lambda.ok(Events.arrival(orderId));
        JsonNode finalCase = again.path("arrival").path("caseView");
        assertThat(again.path("arrival").path("replay").asBoolean()).isTrue();
        assertThat(finalCase.path("version").asLong()).isEqualTo(4);
        assertThat(finalCase.path("history").findValuesAsText("event"))
                .containsExactly("CASE_OPENED", "REFUND_RECORDED", "LATE_ARRIVAL_FLAGGED", "SWEPT");
        assertThat(finalCase.path("history").findValuesAsText("by"))
                .containsExactly("evaluateClaim", "recordRefund", "flagLateArrival", "flagLateArrival");
        JsonNode sweptEntry = finalCase.path("history").get(3);
        assertThat(sweptEntry.path("rules").toString()).contains("R3");
        assertThat(sweptEntry.path("says").get(0).asText()).startsWith("[R3] ").contains("20 mars 2026");
        assertThat(finalCase.has("nextAttention")).as("the follow-up was the last thing due, after " + followUpOn).isFalse();
        List<String> refunds = finalCase.path("refunds").findValuesAsText("refundId");
        assertThat(refunds).containsExactly("rf-0001");
    }
}
