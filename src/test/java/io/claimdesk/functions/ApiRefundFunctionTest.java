package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Level;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FaultInjector;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.LogCapture;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * POST /cases/{orderId}/refunds through the Lambda path as API Gateway's HTTP API calls it: every answer is a successful
 * invocation carrying status, headers and body, a refusal with its status and {@code {"code","field","message"}}, the
 * store failing with 503 and Retry-After; what the edge refuses on its own (no body, not JSON, too large) writes nothing.
 */
@QuarkusTest
@TestProfile(FunctionProfile.Faults.class)
class ApiRefundFunctionTest {

    static final String ROUTE = "POST /cases/{orderId}/refunds";

    @Inject
    ClaimFunctions functions;

    @AfterEach
    void disarm() {
        FaultInjector.disarm();
    }

    private static ObjectNode refund(String orderId, ObjectNode body) {
        return ApiGateway.request(ROUTE, "/cases/" + orderId + "/refunds", body);
    }

    @Test
    void aRefundIsAnswered200WithTheViewAndThePathsOrderIdWinsOverTheBodys() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        ObjectNode body = Events.refund("some-other-order");

        ApiGateway.Answer answer = ApiGateway.send(refund(orderId, body));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).containsEntry("Content-Type", "application/json; charset=utf-8")
                .containsEntry("Cache-Control", "no-store");
        assertThat(answer.body().path("refund").path("amount").asText()).isEqualTo("20.00");
        assertThat(answer.body().path("caseView").path("orderId").asText()).isEqualTo(orderId);
        assertThat(StoredCase.of(orderId).refundIds()).containsExactly("rf-0001");
        assertThat(StoredCase.of("some-other-order").exists()).isFalse();
        JsonNode last = answer.body().path("caseView").path("history").get(1);
        assertThat(last.path("by").asText()).as("who made the change: the IAM caller API Gateway authenticated")
                .isEqualTo("arn:aws:iam::123456789012:user/desk-script");
    }

    @Test
    void eachRefusalKeepsItsStatusAndItsCodeFieldAndMessage() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        assertThat(ApiGateway.send(refund(orderId, Events.refund(orderId))).status()).isEqualTo(200);

        ApiGateway.Answer conflict = ApiGateway.send(refund(orderId, Events.refund(orderId).put("amount", "25.00")));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.error()).startsWith("REFUND_ID_CONFLICT refundId: ");
        assertThat(conflict.body().fieldNames()).toIterable().containsExactly("code", "field", "message");

        ApiGateway.Answer tooMuch = ApiGateway.send(refund(orderId, Events.refund(orderId).put("refundId", "r2").put("amount", "50.00")));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.error()).startsWith("REFUND_EXCEEDS_REMAINING amount: ");

        ApiGateway.Answer invalid = ApiGateway.send(refund(orderId, Events.refund(orderId).put("refundId", "r3").put("amount", "lots")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.error()).startsWith("VALIDATION_FAILED amount: ");

        ApiGateway.Answer unknown = ApiGateway.send(refund("never-evaluated-1", Events.refund(orderId)));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).startsWith("CASE_NOT_FOUND orderId: ");

        ApiGateway.Answer fba = ApiGateway.send(refund(openFbaCase(), Events.refund(orderId)));
        assertThat(fba.status()).isEqualTo(422);
        assertThat(fba.error()).startsWith("INVALID_TRANSITION orderId: ");

        assertThat(StoredCase.of(orderId).refundIds()).as("refusals write nothing").containsExactly("rf-0001");
        assertThat(StoredCase.of("never-evaluated-1").exists()).isFalse();
    }

    @Test
    void aSignedInReaderIsRefused403AndNothingIsWrittenWhileARecorderRecords() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        ObjectNode reader = HttpEdgeTest.signedIn(ROUTE, "/cases/" + orderId + "/refunds", "[" + HttpEdge.READERS + "]")
                .put("body", Events.refund(orderId).toString());
        ApiGateway.Answer refused = ApiGateway.send(reader);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).startsWith("NOT_ALLOWED -: you may read the desk but not record");
        assertThat(StoredCase.of(orderId).refundIds()).as("a refusal writes nothing").isEmpty();

        ObjectNode recorder = HttpEdgeTest.signedIn(ROUTE, "/cases/" + orderId + "/refunds", "[" + HttpEdge.READERS + " "
                + HttpEdge.RECORDERS + "]").put("body", Events.refund(orderId).toString());
        ApiGateway.Answer recorded = ApiGateway.send(recorder);
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.body().path("caseView").path("history").get(1).path("by").asText()).isEqualTo("agent@seller.example");
    }

    private String openFbaCase() {
        String orderId = Events.newOrderId();
        Fixtures.evaluate(functions, Events.evaluate(orderId).put("fulfilment", "MARKETPLACE"));
        return orderId;
    }

    @Test
    void aBase64BodyIsDecoded() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        ObjectNode request = refund(orderId, Events.refund(orderId));
        request.put("body", Base64.getEncoder().encodeToString(request.path("body").asText().getBytes(StandardCharsets.UTF_8)))
                .put("isBase64Encoded", true);

        ApiGateway.Answer answer = ApiGateway.send(request);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(StoredCase.of(orderId).refundIds()).containsExactly("rf-0001");
    }

    @Test
    void whatTheEdgeCannotReadIsA400WithNoFieldAndWritesNothing() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        String path = "/cases/" + orderId + "/refunds";

        assertThat(edgeRefusal(ApiGateway.request(ROUTE, path))).contains("needs a JSON object as its body");
        assertThat(edgeRefusal(ApiGateway.request(ROUTE, path, ""))).contains("needs a JSON object as its body");
        assertThat(edgeRefusal(ApiGateway.request(ROUTE, path, "{\"refundId\": "))).contains("not valid JSON");
        assertThat(edgeRefusal(ApiGateway.request(ROUTE, path, "[1, 2]"))).contains("must be a JSON object");
        assertThat(edgeRefusal(ApiGateway.request(ROUTE, path, "{} {}"))).contains("not valid JSON");
        assertThat(edgeRefusal(ApiGateway.request(ROUTE, path, "{\"amount\":\"1.00\",\"amount\":\"9.00\"}")))
                .contains("a field is given twice");
        assertThat(edgeRefusal(ApiGateway.request(ROUTE, path, "not base64!").put("isBase64Encoded", true)))
                .contains("marked base64");
        String large = Events.refund(orderId).put("reason", "x".repeat(HttpEdge.MAX_BODY_BYTES)).toString();
        assertThat(edgeRefusal(ApiGateway.request(ROUTE, path, large))).contains("larger than " + HttpEdge.MAX_BODY_BYTES + " bytes");

        assertThat(StoredCase.of(orderId).refundIds()).isEmpty();
    }

    private static String edgeRefusal(ObjectNode request) {
        ApiGateway.Answer answer = ApiGateway.send(request);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.body().path("field").isNull()).isTrue();
        return answer.body().path("message").asText();
    }

    @Test
    void aFieldPastItsSizeIsRefusedOnThatField() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        ApiGateway.Answer answer = ApiGateway.send(refund(orderId, Events.refund(orderId).put("reason", "x".repeat(501))));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).startsWith("VALIDATION_FAILED reason: ");
    }

    @Test
    void aStoreThatStaysUnavailableIsA503WithRetryAfterAnsweredNotFailedAndLoggedForTheAlarm() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        FaultInjector.throttleCalls(1000, "PutItem");
        ApiGateway.Answer answer;
        try (LogCapture log = LogCapture.start()) {
            answer = ApiGateway.send(refund(orderId, Events.refund(orderId)));
            assertThat(log.lines()).anySatisfy(line -> {
                assertThat(line.level()).isEqualTo(org.jboss.logmanager.Level.ERROR);
                assertThat(line.text()).startsWith("recordRefund: " + FunctionError.STORE_UNAVAILABLE + ": ");
            });
            assertThat(log.lines()).noneMatch(line -> line.level().intValue() >= Level.SEVERE.intValue()
                    && line.text().contains("Exception in"));
        }
        FaultInjector.disarm();

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers()).containsEntry("Retry-After", "1");
        assertThat(answer.error()).startsWith("STORE_UNAVAILABLE -: ");
        assertThat(StoredCase.of(orderId).refundIds()).isEmpty();

        ApiGateway.Answer retried = ApiGateway.send(refund(orderId, Events.refund(orderId)));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(StoredCase.of(orderId).refundIds()).containsExactly("rf-0001");
    }

    @Test
    void aRouteOfAnotherFunctionIsNotFoundAsApiGatewayAnswersIt() {
        ApiGateway.Answer answer = ApiGateway.send(ApiGateway.request("GET /cases", "/cases"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().toString()).isEqualTo("{\"message\":\"Not Found\"}");
    }
}
