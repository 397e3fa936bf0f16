package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * recordClaim, exported and driven through the Lambda mock event server against the local engine: a claim recorded on
 * a case without its order's facts, then the seller's answer to Amazon (R9), then Amazon's decision (R6, R10); each
 * the same again is a replay that writes nothing; what is wrong is refused with its field and writes nothing. The same
 * through POST /cases/{orderId}/claim as API Gateway calls it.
 */
@QuarkusTest
@TestProfile(FunctionProfile.RecordClaim.class)
class RecordClaimFunctionTest {

    static final String ROUTE = "POST /cases/{orderId}/claim";

    @Inject
    ClaimFunctions functions;

    /** The sample of events/, for a case of its own: filed 2026-03-20 at 09:30 UTC, answered the next morning. */
    private static ObjectNode sample(String orderId) {
        return Events.load("record-claim.json").put("orderId", orderId);
    }

    private static ObjectNode filed(String orderId) {
        ObjectNode event = sample(orderId);
        event.remove("respondedAt");
        return event;
    }

    private String opened() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        return orderId;
    }

    @Test
    void aClaimIsRecordedWithoutTheOrdersFactsThenItsAnswerThenItsOutcome() {
        String orderId = opened();

        JsonNode claimed = Lambda.ok(filed(orderId));
        assertThat(claimed.path("replay").asBoolean()).isFalse();
        JsonNode claim = claimed.path("caseView").path("claim");
        assertThat(claimed.path("caseView").path("status").asText()).isEqualTo("CLAIM_FILED");
        assertThat(claim.path("filedOn").asText()).isEqualTo("2026-03-20");
        assertThat(claim.path("filedAt").asText()).isEqualTo("2026-03-20T09:30:00Z");
        // R9: 48 hours of elapsed time after the instant it was filed.
        assertThat(Instant.parse(claim.path("respondBy").asText()))
                .isEqualTo(Instant.parse("2026-03-20T09:30:00Z").plus(48, ChronoUnit.HOURS));
        assertThat(claim.has("respondedAt")).isFalse();
        assertThat(claimed.path("says").findValuesAsText("rule")).containsOnly("R6");
        long version = StoredCase.of(orderId).version();

        JsonNode again = Lambda.ok(filed(orderId));
        assertThat(again.path("replay").asBoolean()).as("the same claim again").isTrue();
        assertThat(again.path("says")).isEmpty();
        assertThat(StoredCase.of(orderId).version()).as("a replay writes nothing").isEqualTo(version);

        JsonNode answered = Lambda.ok(Events.JSON.createObjectNode().put("orderId", orderId)
                .put("respondedAt", "2026-03-21T08:15:00Z"));
        assertThat(answered.path("caseView").path("claim").path("respondedAt").asText()).isEqualTo("2026-03-21T08:15:00Z");
        assertThat(answered.path("says").findValuesAsText("rule")).containsExactly("R9");
        assertThat(answered.path("says").get(0).path("text").asText()).as("in the case's language, French").contains("21 mars 2026");

        JsonNode granted = Lambda.ok(Events.JSON.createObjectNode().put("orderId", orderId).put("outcome", "GRANTED")
                .put("decidedOn", "2026-04-02").put("language", "en"));
        assertThat(granted.path("caseView").path("status").asText()).isEqualTo("CLOSED");
        // R10: 30 calendar days after the decision.
        assertThat(granted.path("caseView").path("claim").path("appealBy").asText()).isEqualTo("2026-05-02");
        assertThat(granted.path("says").get(0).path("text").asText()).as("in the language asked for").contains("2 April 2026");
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "CLAIM_FILED", "CLAIM_ANSWERED", "CLAIM_GRANTED");
    }

    @Test
    void theSampleRecordsTheFilingAndTheAnswerInOneCallInTheOrderTheyHappened() {
        String orderId = opened();
        JsonNode answer = Lambda.ok(sample(orderId));
        assertThat(answer.path("says").findValuesAsText("rule")).containsExactly("R6", "R6", "R9");
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "CLAIM_FILED", "CLAIM_ANSWERED");
        assertThat(Lambda.ok(sample(orderId)).path("replay").asBoolean()).isTrue();
    }

    @Test
    void whatIsWrongIsRefusedWithItsFieldAndWritesNothing() {
        String orderId = opened();
        long version = StoredCase.of(orderId).version();
        record Wrong(String expected, UnaryOperator<ObjectNode> event) {
        }
        String future = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (Wrong wrong : new Wrong[] {
                new Wrong("[400] VALIDATION_FAILED -: ", e -> Events.JSON.createObjectNode().put("orderId", orderId)),
                new Wrong("[400] VALIDATION_FAILED orderId: ", e -> { e.remove("orderId"); return e; }),
                new Wrong("[400] VALIDATION_FAILED filedAt: ", e -> e.put("filedAt", "20/03/2026 09:30")),
                new Wrong("[400] VALIDATION_FAILED filedAt: ", e -> e.put("filedAt", future)),
                new Wrong("[400] VALIDATION_FAILED filedAt: ", e -> e.put("filedOn", "2026-03-21")),
                new Wrong("[400] VALIDATION_FAILED respondedAt: ", e -> e.put("respondedAt", "2026-03-19T08:00:00Z")),
                new Wrong("[400] VALIDATION_FAILED respondedAt: ", e -> e.put("respondedAt", "tomorrow")),
                new Wrong("[400] VALIDATION_FAILED outcome: ", e -> e.put("outcome", "LOST")),
                new Wrong("[400] VALIDATION_FAILED outcome: ", e -> e.put("decidedOn", "2026-04-02")),
                new Wrong("[400] VALIDATION_FAILED decidedOn: ", e -> e.put("outcome", "DENIED").put("decidedOn", "2026-03-19")),
                new Wrong("[422] INVALID_TRANSITION filedOn: ", e -> {
                    e.remove("filedAt");
                    return e;
                }),
                new Wrong("[404] CASE_NOT_FOUND orderId: ", e -> e.put("orderId", Events.newOrderId()))}) {
            assertThat(Lambda.error(wrong.event().apply(sample(orderId)))).startsWith(wrong.expected());
        }
        assertThat(StoredCase.of(orderId).version()).as("nothing written").isEqualTo(version);
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED");

        Lambda.ok(filed(orderId));
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("orderId", orderId).put("filedOn", "2026-03-22")))
                .as("another claim while one is pending").startsWith("[422] INVALID_TRANSITION filedOn: ");
        Lambda.ok(Events.JSON.createObjectNode().put("orderId", orderId).put("respondedAt", "2026-03-21T08:15:00Z"));
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("orderId", orderId).put("respondedAt", "2026-03-21T09:00:00Z")))
                .as("another answer once one is recorded").startsWith("[422] INVALID_TRANSITION respondedAt: ");
    }

    @Test
    void throughTheApiTheClaimIsRecordedOnThePathsCaseAndARefusalKeepsItsStatus() {
        String orderId = opened();
        ApiGateway.Answer answer = ApiGateway.send(ApiGateway.request(ROUTE, "/cases/" + orderId + "/claim",
                filed("some-other-order")));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("caseView").path("orderId").asText()).isEqualTo(orderId);
        assertThat(answer.body().path("caseView").path("history").get(1).path("by").asText())
                .isEqualTo("arn:aws:iam::123456789012:user/desk-script");
        assertThat(StoredCase.of("some-other-order").exists()).isFalse();

        ApiGateway.Answer notFound = ApiGateway.send(ApiGateway.request(ROUTE, "/cases/" + Events.newOrderId() + "/claim",
                filed("x")));
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.error()).startsWith("CASE_NOT_FOUND orderId: ");

        ApiGateway.Answer bad = ApiGateway.send(ApiGateway.request(ROUTE, "/cases/" + orderId + "/claim",
                Events.JSON.createObjectNode().put("filedAt", "yesterday")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).startsWith("VALIDATION_FAILED filedAt: ");

        ApiGateway.Answer noClaim = ApiGateway.send(ApiGateway.request(ROUTE, "/cases/" + opened() + "/claim",
                Events.JSON.createObjectNode().put("respondedAt", "2026-03-21T08:15:00Z")));
        assertThat(noClaim.status()).as("an answer to a claim never recorded").isEqualTo(422);
        assertThat(noClaim.error()).startsWith("INVALID_TRANSITION filedOn: ");
    }
}
