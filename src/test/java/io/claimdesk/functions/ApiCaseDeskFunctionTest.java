package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** GET /cases and GET /cases/{orderId} through the Lambda path as API Gateway's HTTP API calls them: path and query in. */
@QuarkusTest
@TestProfile(FunctionProfile.CaseDesk.class)
class ApiCaseDeskFunctionTest {

    static final String LIST = "GET /cases";
    static final String CASE = "GET /cases/{orderId}";

    @Inject
    ClaimFunctions functions;

    @Test
    void oneCaseByThePathsOrderIdInTheQuerysLanguage() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);

        ApiGateway.Answer french = ApiGateway.send(ApiGateway.request(CASE, "/cases/" + orderId));
        assertThat(french.status()).isEqualTo(200);
        assertThat(french.body().path("caseView").path("orderId").asText()).isEqualTo(orderId);
        assertThat(french.body().path("timeline").isArray()).isTrue();

        ApiGateway.Answer english = ApiGateway.send(ApiGateway.request(CASE, "/cases/" + orderId + "?language=en&unknown=1"));
        assertThat(english.status()).as("an unknown query parameter is ignored").isEqualTo(200);
        assertThat(english.body().path("caseView").path("history").get(0).path("says").get(0).path("text").asText())
                .isNotEqualTo(french.body().path("caseView").path("history").get(0).path("says").get(0).path("text").asText());
    }

    @Test
    void anUnknownOrderIsA404AndABadLanguageA400() {
        assertThat(ApiGateway.send(ApiGateway.request(CASE, "/cases/no-such-order")).status()).isEqualTo(404);
        ApiGateway.Answer bad = ApiGateway.send(ApiGateway.request(CASE, "/cases/" + Events.newOrderId() + "?language=xx"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).startsWith("VALIDATION_FAILED language: ");
    }

    @Test
    void theListReadsItsQueryLimitAsANumberAndIgnoresWhatItDoesNotRead() {
        ApiGateway.Answer page = ApiGateway.send(ApiGateway.request(LIST, "/cases?attention=2099-12-31&marketplace=FR&limit=2&orderId=x&debug=1"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("attention").asText()).isEqualTo("2099-12-31");
        assertThat(page.body().path("cases").size()).isLessThanOrEqualTo(2);

        ApiGateway.Answer notANumber = ApiGateway.send(ApiGateway.request(LIST, "/cases?limit=ten"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.error()).startsWith("VALIDATION_FAILED limit: ");

        ApiGateway.Answer tooMany = ApiGateway.send(ApiGateway.request(LIST, "/cases?limit=1000"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.error()).startsWith("VALIDATION_FAILED limit: ");

        ApiGateway.Answer twice = ApiGateway.send(ApiGateway.request(LIST, "/cases?marketplace=FR&marketplace=DE"));
        assertThat(twice.status()).as("a parameter given twice reaches the function as one text, refused").isEqualTo(400);
        assertThat(twice.error()).startsWith("VALIDATION_FAILED marketplace: ");
    }

    @Test
    void theListsNextTokenTravelsInTheQuery() {
        // Cases of recent orders, so that they need the seller today.
        for (int i = 0; i < 3; i++) {
            Fixtures.openRecentCase(functions, Events.newOrderId(), 20);
        }
        ApiGateway.Answer first = ApiGateway.send(ApiGateway.request(LIST, "/cases?limit=1"));
        assertThat(first.status()).isEqualTo(200);
        String next = first.body().path("next").asText();
        assertThat(next).isNotEmpty();
        ApiGateway.Answer second = ApiGateway.send(ApiGateway.request(LIST,
                "/cases?limit=1&next=" + ApiGateway.encode(next)));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("cases").get(0).path("orderId").asText())
                .isNotEqualTo(first.body().path("cases").get(0).path("orderId").asText());
    }
}
