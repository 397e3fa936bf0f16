package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * flagLateArrival with its documented optional fields left out, through the Lambda mock event server on the
 * local engine: an arrival report's {@code language} (every source, before and after each kind of refund), a
 * follow-up's {@code language} (every follow-up), and the optional fields of EventBridge's Scheduled Event
 * ({@code version}, {@code id}, {@code source}, {@code account}, {@code region}, {@code resources},
 * {@code detail}: the full power set, 128 sweeps). Every subset, each answered 200 (nothing here is refused),
 * never 500; delivered again, each is a replay.
 */
@QuarkusTest
@TestProfile(FunctionProfile.FlagLateArrival.class)
class OmittedFieldsFlagLateArrivalFunctionTest {

    static final List<String> SCHEDULED_EVENT_OPTIONAL = List.of("version", "id", "source", "account", "region", "resources", "detail");
    /** A day on which the sample order's claim window has opened (2026-03-13) and its deadline (2026-06-08) is ahead. */
    static final String WINDOW_OPEN = "2026-04-01T06:00:00Z";

    @Inject
    ClaimFunctions functions;

    private static List<Set<String>> languageLeftOutOrNot() {
        List<Set<String>> subsets = Omissions.powerSet(List.of("language"));
        assertThat(subsets).hasSize(2);
        return subsets;
    }

    /** The refund a case had before the parcel came, if any. */
    enum Before { NO_REFUND, REFUND, REFUND_WITH_REORDER }

    @Test
    void anArrivalWithoutItsLanguageIsAnsweredInTheMarketplacesLanguage() {
        SoftAssertions softly = new SoftAssertions();
        for (String source : List.of("CARRIER", "BUYER", "SELLER")) {
            for (Before before : Before.values()) {
                Map<Boolean, JsonNode> bySubset = new HashMap<>();
                for (Set<String> left : languageLeftOutOrNot()) {
                    String orderId = Events.newOrderId();
                    Fixtures.openCase(functions, orderId);
                    if (before != Before.NO_REFUND) {
                        Fixtures.refund(functions, orderId, "r1", "20.00", before == Before.REFUND_WITH_REORDER);
                    }
                    ObjectNode event = Omissions.without(Events.arrival(orderId).put("source", source).put("language", "en"), left);
                    String as = source + " " + before + ", left out " + left;
                    JsonNode arrival = sentTwice(softly, event, as, "arrival");
                    if (arrival == null) {
                        continue;
                    }
                    softly.assertThat(arrival.path("decision").asText()).as(as).isNotEmpty();
                    softly.assertThat(arrival.path("nextSteps")).as(as).isNotEmpty()
                            .allSatisfy(line -> {
                    assertThat(line.path("rule").asText()).matches("R([1-9]|1[0-2])");
                    assertThat(line.path("text").asText()).isNotBlank().doesNotContain("[R");
                });
                    softly.assertThat(StoredCase.of(orderId).arrivalSources()).as(as).containsExactly(source);
                    bySubset.put(left.isEmpty(), arrival);
                }
                if (bySubset.size() == 2) {
                    softly.assertThat(bySubset.get(false).path("decision")).as("the same decision in any language")
                            .isEqualTo(bySubset.get(true).path("decision"));
                    softly.assertThat(bySubset.get(false).path("nextSteps")).as("French on FR when no language is given")
                            .isNotEqualTo(bySubset.get(true).path("nextSteps"));
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aFollowUpWithoutItsLanguageIsRecordedAndAnsweredInTheMarketplacesLanguage() {
        Map<String, Consumer<String>> lateArrivals = Map.of(
                "CONSENT_GIVEN", this::afterAPlainRefund,
                "CONSENT_REFUSED", this::afterAPlainRefund,
                "RETURN_RECEIVED", this::afterARefundWithReorder,
                "REPLACEMENT_ORDERED", this::afterARefundWithReorder);
        SoftAssertions softly = new SoftAssertions();
        for (var followUp : lateArrivals.entrySet()) {
            Map<Boolean, JsonNode> bySubset = new HashMap<>();
            for (Set<String> left : languageLeftOutOrNot()) {
                String orderId = Events.newOrderId();
                followUp.getValue().accept(orderId);
                ObjectNode event = Events.recordConsent(orderId).put("followUp", followUp.getKey()).put("language", "en");
                if (followUp.getKey().equals("REPLACEMENT_ORDERED")) {
                    event.put("replacementOrderId", "171-0000000-0000009");
                }
                String as = followUp.getKey() + ", left out " + left;
                JsonNode answer = sentTwice(softly, Omissions.without(event, left), as, "followUp");
                if (answer == null) {
                    continue;
                }
                softly.assertThat(answer.path("followUp").asText()).as(as).isEqualTo(followUp.getKey());
                softly.assertThat(answer.path("says")).as(as).isNotEmpty();
                softly.assertThat(StoredCase.of(orderId).count(followUp.getKey())).as(as).isEqualTo(1);
                bySubset.put(left.isEmpty(), answer);
            }
            if (bySubset.size() == 2) {
                softly.assertThat(bySubset.get(false).path("says")).as("French on FR when no language is given")
                        .isNotEqualTo(bySubset.get(true).path("says"));
            }
        }
        softly.assertAll();
    }

    private void afterAPlainRefund(String orderId) {
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);
        functions.flagLateArrival(Events.arrival(orderId));
    }

    private void afterARefundWithReorder(String orderId) {
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "full", true);
        functions.flagLateArrival(Events.arrival(orderId));
    }

    @Test
    void aScheduledEventWithoutAnyOfItsOptionalFieldsSweeps() {
        List<Set<String>> subsets = Omissions.powerSet(SCHEDULED_EVENT_OPTIONAL);
        assertThat(subsets).hasSize(128);
        ObjectNode complete = Events.sweep().put("time", WINDOW_OPEN);
        assertThat(complete.fieldNames()).toIterable().containsAll(SCHEDULED_EVENT_OPTIONAL);
        SoftAssertions softly = new SoftAssertions();
        for (Set<String> left : subsets) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId); // its window opened on 2026-03-13: due
            ObjectNode event = Omissions.without(complete, left);
            String as = "left out " + left;

            Lambda.Outcome first = Lambda.outcome(event);
            softly.assertThat(first.status()).as(as + ": " + first).isEqualTo(200);
            if (!first.ok()) {
                continue;
            }
            JsonNode sweep = first.body().path("sweep");
            softly.assertThat(sweep.path("time").asText()).as(as).isEqualTo(WINDOW_OPEN);
            softly.assertThat(sweep.path("complete").asBoolean()).as(as).isTrue();
            softly.assertThat(sweep.path("changedOrders").toString()).as(as).contains(orderId);
            softly.assertThat(StoredCase.of(orderId).events()).as(as).containsExactly("CASE_OPENED", "CLAIM_WINDOW_OPENED");

            StoredCase after = StoredCase.of(orderId);
            Lambda.Outcome again = Lambda.outcome(event);
            softly.assertThat(again.status()).as("delivered again: " + as).isEqualTo(200);
            if (again.ok()) {
                softly.assertThat(again.body().path("sweep").path("changedOrders").toString()).as("delivered again: " + as)
                        .doesNotContain(orderId);
            }
            softly.assertThat(StoredCase.of(orderId)).as("delivered again, nothing written: " + as).isEqualTo(after);
        }
        softly.assertAll();
    }

    /** Sends {@code event} twice: the first is recorded (200, not a replay), the second is a replay that writes nothing. */
    private static JsonNode sentTwice(SoftAssertions softly, ObjectNode event, String as, String part) {
        Lambda.Outcome first = Lambda.outcome(event);
        softly.assertThat(first.status()).as(as + ": " + first).isEqualTo(200);
        if (!first.ok()) {
            return null;
        }
        JsonNode answer = first.body().path(part);
        softly.assertThat(answer.path("replay").asBoolean()).as(as).isFalse();
        String orderId = event.path("orderId").asText();
        StoredCase after = StoredCase.of(orderId);
        Lambda.Outcome again = Lambda.outcome(event);
        softly.assertThat(again.status()).as("delivered again: " + as).isEqualTo(200);
        if (again.ok()) {
            softly.assertThat(again.body().path(part).path("replay").asBoolean()).as("delivered again: " + as).isTrue();
            softly.assertThat(again.body().path(part).path("caseView")).as("delivered again: " + as).isEqualTo(answer.path("caseView"));
        }
        softly.assertThat(StoredCase.of(orderId)).as("delivered again, nothing written: " + as).isEqualTo(after);
        return answer;
    }
}
