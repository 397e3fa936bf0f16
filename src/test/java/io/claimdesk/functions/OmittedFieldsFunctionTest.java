package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * recordRefund with its documented optional fields left out ({@code currency}, {@code reorderRequested},
 * {@code reason}, {@code refundedOn}, {@code language}), through the Lambda mock event server on the local
 * engine: every subset of the five (the full power set, 32), for a partial and a "full" amount, each on a case
 * of its own. Each is recorded with the documented defaults (the order's currency, no reorder, no reason,
 * today, French on FR), never answered 500, and delivered again is a replay. One export per test class:
 * {@link OmittedFieldsEvaluateClaimFunctionTest} covers evaluateClaim, {@link OmittedFieldsFlagLateArrivalFunctionTest}
 * flagLateArrival (arrivals, follow-ups) and the scheduled sweep.
 */
@QuarkusTest
@TestProfile(FunctionProfile.RecordRefund.class)
class OmittedFieldsFunctionTest {

    static final List<String> OPTIONAL = List.of("currency", "reorderRequested", "reason", "refundedOn", "language");

    @Inject
    ClaimFunctions functions;

    /** Every optional field given, each with a value that differs from its default so that a default shows. */
    static ObjectNode complete(String orderId, String amount) {
        return Events.refund(orderId).put("amount", amount).put("reorderRequested", true).put("language", "en");
    }

    /** The first point, on its own: a partial refund with neither its date nor a currency was answered 500. */
    @Test
    void aPartialRefundWithoutItsDateOrCurrencyIsRecorded() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        ObjectNode refund = Omissions.without(Events.refund(orderId), Set.of("refundedOn", "currency"));
        assertThat(refund.has("refundedOn") || refund.has("currency")).isFalse();

        Lambda.Outcome outcome = Lambda.outcome(refund);

        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);
        assertThat(outcome.body().path("refund").path("amount").asText()).isEqualTo("20.00");
        assertThat(outcome.body().path("caseView").path("remaining").asText()).isEqualTo("39.90");
        assertThat(StoredCase.of(orderId).refundIds()).containsExactly("rf-0001");
    }

    @Test
    void everySubsetOfTheOptionalFieldsLeftOutIsRecordedWithItsDefaults() {
        List<Set<String>> subsets = Omissions.powerSet(OPTIONAL);
        assertThat(subsets).hasSize(32);
        Map<String, String> saysByVariant = new HashMap<>();
        SoftAssertions softly = new SoftAssertions();
        for (Set<String> left : subsets) {
            for (String amount : List.of("20.00", "full")) {
                String orderId = Events.newOrderId();
                Fixtures.openCase(functions, orderId);
                ObjectNode event = Omissions.without(complete(orderId, amount), left);
                String as = amount + ", left out " + left;

                LocalDate today = Events.todayInParis();
                Lambda.Outcome outcome = Lambda.outcome(event);
                LocalDate laterToday = Events.todayInParis();

                softly.assertThat(outcome.status()).as(as + ": " + outcome).isEqualTo(200);
                if (!outcome.ok()) {
                    continue;
                }
                JsonNode refund = outcome.body().path("refund");
                JsonNode caseView = outcome.body().path("caseView");
                softly.assertThat(outcome.body().path("replay").asBoolean()).as(as).isFalse();
                softly.assertThat(refund.path("amount").asText()).as(as).isEqualTo(amount.equals("full") ? "59.90" : amount);
                softly.assertThat(refund.path("full").asBoolean()).as(as).isEqualTo(amount.equals("full"));
                softly.assertThat(caseView.path("currency").asText()).as("the order's currency: " + as).isEqualTo("EUR");
                softly.assertThat(refund.path("reorderRequested").asBoolean()).as(as).isEqualTo(!left.contains("reorderRequested"));
                softly.assertThat(refund.has("reason")).as(as).isEqualTo(!left.contains("reason"));
                if (left.contains("refundedOn")) {
                    softly.assertThat(LocalDate.parse(refund.path("refundedOn").asText())).as("dated today: " + as)
                            .isBetween(today, laterToday);
                } else {
                    softly.assertThat(refund.path("refundedOn").asText()).as(as).isEqualTo("2026-03-15");
                }
                JsonNode entry = caseView.path("history").get(caseView.path("history").size() - 1);
                softly.assertThat(entry.path("event").asText()).as(as).isEqualTo("REFUND_RECORDED");
                softly.assertThat(entry.path("rules").toString()).as("R7 for a refund with reorder, else R3: " + as)
                        .contains(left.contains("reorderRequested") ? "R3" : "R7");
                Set<String> others = new TreeSet<>(left);
                others.remove("language");
                saysByVariant.put(amount + others + (left.contains("language") ? " default" : " en"), entry.path("says").toString());
                StoredCase stored = StoredCase.of(orderId);
                softly.assertThat(stored.refundIds()).as(as).containsExactly("rf-0001");
                softly.assertThat(stored.events()).as(as).containsExactly("CASE_OPENED", "REFUND_RECORDED");
                softly.assertThat(stored.version()).as(as).isEqualTo(caseView.path("version").asLong());

                StoredCase after = StoredCase.of(orderId);
                Lambda.Outcome again = Lambda.outcome(event);
                softly.assertThat(again.status()).as("delivered again: " + as).isEqualTo(200);
                if (again.ok()) {
                    softly.assertThat(again.body().path("replay").asBoolean()).as("delivered again: " + as).isTrue();
                    softly.assertThat(again.body().path("refund")).as("delivered again: " + as).isEqualTo(refund);
                }
                softly.assertThat(StoredCase.of(orderId)).as("delivered again, nothing written: " + as).isEqualTo(after);
            }
        }
        softly.assertAll();
        // Without a language a FR case answers in French: each answer differs from its English twin.
        saysByVariant.forEach((variant, says) -> {
            if (variant.endsWith(" default")) {
                String english = saysByVariant.get(variant.replace(" default", " en"));
                assertThat(says).as(variant).isNotEqualTo(english);
            }
        });
        assertThat(saysByVariant).hasSize(64);
    }
}
