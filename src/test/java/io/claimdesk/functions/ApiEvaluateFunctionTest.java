package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** POST /claims/evaluate through the Lambda path as API Gateway's HTTP API calls it: the body is evaluateClaim's input. */
@QuarkusTest
@TestProfile(FunctionProfile.EvaluateClaim.class)
class ApiEvaluateFunctionTest {

    static final String ROUTE = "POST /claims/evaluate";

    @Test
    void theBodyIsTheInputAndTheAnswerTheSameViewAsADirectInvocations() {
        String orderId = Events.newOrderId();
        ApiGateway.Answer answer = ApiGateway.send(ApiGateway.request(ROUTE, "/claims/evaluate", Events.evaluate(orderId)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("orderId").asText()).isEqualTo(orderId);
        assertThat(answer.body().path("claimWindow").path("opensOn").asText()).isEqualTo("2026-03-13");
        assertThat(StoredCase.of(orderId).exists()).isTrue();

        // The same input invoked directly: the same answer, field for field.
        assertThat(Lambda.ok(Events.evaluate(orderId))).isEqualTo(answer.body());
    }

    @Test
    void aBodyWithNullsIsReadAsADirectInvocationReadsIt() {
        String orderId = Events.newOrderId();
        ApiGateway.Answer answer = ApiGateway.send(ApiGateway.request(ROUTE, "/claims/evaluate",
                Events.evaluate(orderId).putNull("shipment").putNull("language")));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("language").asText()).isEqualTo("fr");
    }

    @Test
    void aMissingRequiredFieldIsA400OnThatFieldAndWritesNothing() {
        String orderId = Events.newOrderId();
        var body = Events.evaluate(orderId);
        body.remove("marketplace");
        ApiGateway.Answer answer = ApiGateway.send(ApiGateway.request(ROUTE, "/claims/evaluate", body));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).startsWith("VALIDATION_FAILED marketplace: ");
        assertThat(StoredCase.of(orderId).exists()).isFalse();
    }

    @Test
    void anSpApiOrderWiderThanAnyAmazonSendsIsRefused() {
        var body = Events.load("evaluate-spapi-v2026.json");
        var order = (com.fasterxml.jackson.databind.node.ObjectNode) body.path("spapiOrder");
        for (int i = 0; order.size() <= EvaluateClaimInput.MAX_SPAPI_ORDER_FIELDS; i++) {
            order.put("extra" + i, i);
        }
        ApiGateway.Answer answer = ApiGateway.send(ApiGateway.request(ROUTE, "/claims/evaluate", body));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).startsWith("VALIDATION_FAILED spapiOrder: ");
    }
}
