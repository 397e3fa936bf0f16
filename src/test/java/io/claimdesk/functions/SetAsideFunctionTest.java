package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * setAside, exported and driven through the Lambda mock event server against the local engine: the seller sets a case
 * aside until a day to come, at most 90 days away, with a note from a fixed list; the same again is a replay; what is
 * wrong or left out is refused with its field and writes nothing. The same through POST /cases/{orderId}/set-aside.
 */
@QuarkusTest
@TestProfile(FunctionProfile.SetAside.class)
class SetAsideFunctionTest {

    static final String ROUTE = "POST /cases/{orderId}/set-aside";

    @Inject
    ClaimFunctions functions;

    /** The sample of events/ for a case of its own, until {@code daysAhead} days after today in Paris (FR). */
    private static ObjectNode aside(String orderId, int daysAhead) {
        return Events.load("set-aside.json").put("orderId", orderId)
                .put("until", Events.todayInParis().plusDays(daysAhead).toString());
    }

    /** A case opened today whose claim deadline is months away, so that no deadline brings a set-aside forward. */
    private String opened() {
        String orderId = Events.newOrderId();
        Fixtures.openRecentCase(functions, orderId, 6);
        return orderId;
    }

    @Test
    void aCaseIsSetAsideUntilADayWithItsNoteAndTheSameAgainIsAReplay() {
        String orderId = opened();
        JsonNode answer = Lambda.ok(aside(orderId, 5));
        assertThat(answer.path("replay").asBoolean()).isFalse();
        JsonNode setAside = answer.path("caseView").path("setAside");
        assertThat(setAside.path("until").asText()).isEqualTo(Events.todayInParis().plusDays(5).toString());
        assertThat(setAside.path("note").asText()).isEqualTo("WAITING_FOR_CARRIER");
        assertThat(setAside.path("recordedOn").asText()).isEqualTo(Events.todayInParis().toString());
        assertThat(answer.path("says")).singleElement().satisfies(line -> assertThat(line.path("rule").asText()).isEqualTo("R1"));
        long version = StoredCase.of(orderId).version();

        assertThat(Lambda.ok(aside(orderId, 5)).path("replay").asBoolean()).isTrue();
        assertThat(StoredCase.of(orderId).version()).as("a replay writes nothing").isEqualTo(version);

        JsonNode later = Lambda.ok(aside(orderId, 9).put("note", "WAITING_FOR_BUYER"));
        assertThat(later.path("caseView").path("setAside").path("note").asText()).isEqualTo("WAITING_FOR_BUYER");
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "CASE_SET_ASIDE", "CASE_SET_ASIDE");
    }

    @Test
    void whatIsWrongOrLeftOutIsRefusedWithItsFieldAndWritesNothing() {
        String orderId = opened();
        long version = StoredCase.of(orderId).version();
        LocalDate today = Events.todayInParis();
        record Wrong(String expected, UnaryOperator<ObjectNode> event) {
        }
        for (Wrong wrong : new Wrong[] {
                new Wrong("[400] VALIDATION_FAILED until: ", e -> e.put("until", today.toString())),
                new Wrong("[400] VALIDATION_FAILED until: ", e -> e.put("until", today.minusDays(1).toString())),
                new Wrong("[400] VALIDATION_FAILED until: ", e -> e.put("until", today.plusDays(91).toString())),
                new Wrong("[400] VALIDATION_FAILED until: ", e -> e.put("until", "next week")),
                new Wrong("[400] VALIDATION_FAILED until: ", e -> { e.remove("until"); return e; }),
                new Wrong("[400] VALIDATION_FAILED note: ", e -> e.put("note", "CALLED_THE_BUYER")),
                new Wrong("[400] VALIDATION_FAILED note: ", e -> { e.remove("note"); return e; }),
                new Wrong("[400] VALIDATION_FAILED orderId: ", e -> { e.remove("orderId"); return e; }),
                new Wrong("[404] CASE_NOT_FOUND orderId: ", e -> e.put("orderId", Events.newOrderId()))}) {
            assertThat(Lambda.error(wrong.event().apply(aside(orderId, 5)))).startsWith(wrong.expected());
        }
        assertThat(StoredCase.of(orderId).version()).as("nothing written").isEqualTo(version);
        assertThat(Lambda.ok(aside(orderId, 90)).path("caseView").path("setAside").path("until").asText())
                .as("90 days away is the furthest").isEqualTo(today.plusDays(90).toString());
    }

    @Test
    void throughTheApiTheCaseOfThePathIsSetAsideAndARefusalKeepsItsStatus() {
        String orderId = opened();
        ApiGateway.Answer answer = ApiGateway.send(ApiGateway.request(ROUTE, "/cases/" + orderId + "/set-aside",
                aside("some-other-order", 3)));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("caseView").path("orderId").asText()).isEqualTo(orderId);
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "CASE_SET_ASIDE");

        ApiGateway.Answer bad = ApiGateway.send(ApiGateway.request(ROUTE, "/cases/" + orderId + "/set-aside",
                aside(orderId, 3).put("note", "free text is not a note")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).startsWith("VALIDATION_FAILED note: ");
    }
}
