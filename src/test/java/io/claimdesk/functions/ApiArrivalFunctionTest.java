package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * POST /cases/{orderId}/arrivals through the Lambda path as API Gateway's HTTP API calls it, beside the schedule's
 * direct invocation of the same function: the function tells the two apart.
 */
@QuarkusTest
@TestProfile(FunctionProfile.FlagLateArrival.class)
class ApiArrivalFunctionTest {

    static final String ROUTE = "POST /cases/{orderId}/arrivals";

    @Inject
    ClaimFunctions functions;

    @Test
    void anArrivalThenAFollowUpThroughTheRouteThenTheScheduleInvokingDirectly() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "rf-0001", "20.00", false);
        String path = "/cases/" + orderId + "/arrivals";

        ApiGateway.Answer arrival = ApiGateway.send(ApiGateway.request(ROUTE, path, Events.arrival("ignored-order")));
        assertThat(arrival.status()).isEqualTo(200);
        assertThat(arrival.body().path("arrival").path("decision").asText()).isEqualTo("ASK_CONSENT_TO_CHARGE");

        ApiGateway.Answer consent = ApiGateway.send(ApiGateway.request(ROUTE, path, Events.recordConsent(orderId)));
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.body().path("followUp").path("caseView").path("status").asText()).isEqualTo("CLOSED");
        assertThat(StoredCase.of(orderId).status()).isEqualTo("CLOSED");

        // The schedule still invokes with EventBridge's own Scheduled Event, and gets the sweep's answer as JSON.
        assertThat(Lambda.ok(Events.sweep()).path("sweep").has("examined")).isTrue();
    }

    @Test
    void aScheduledEventSentThroughTheRouteIsNoSweepButAnInputRefusedOnItsFields() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        ApiGateway.Answer answer = ApiGateway.send(ApiGateway.request(ROUTE, "/cases/" + orderId + "/arrivals", Events.sweep()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED");
    }

    @Test
    void anArrivalForAnOrderWithNoCaseIsA404() {
        ApiGateway.Answer answer = ApiGateway.send(ApiGateway.request(ROUTE, "/cases/no-such-order/arrivals",
                Events.arrival("no-such-order")));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.error()).startsWith("CASE_NOT_FOUND orderId: ");
    }
}
