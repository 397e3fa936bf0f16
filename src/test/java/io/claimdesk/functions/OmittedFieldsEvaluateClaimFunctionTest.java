package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * evaluateClaim with its documented optional fields left out, through the Lambda mock event server on the
 * local engine: {@code shipment}, {@code reportedOn}, {@code asOf}, {@code language}, {@code claim}, and inside
 * them {@code shipment.carrier/tracking/insured/status} and {@code claim.reference/outcome/decidedOn}
 * ({@code claim.filedOn} is required). Every subset is sent for a new order: the full power set of the twelve,
 * 1,224 distinct events once a field inside a left-out object no longer counts. Each is answered 200 with the
 * documented defaults, or refused with a documented 4xx, never a 500. A pairwise set of them (every two fields
 * present together, absent together and each without the other) is also delivered twice, for a new order and
 * to update a case already open: the second delivery changes nothing. {@link OmittedFieldsFunctionTest} does the same for
 * recordRefund, {@link OmittedFieldsFlagLateArrivalFunctionTest} for flagLateArrival and the sweep.
 */
@QuarkusTest
@TestProfile(FunctionProfile.EvaluateClaim.class)
class OmittedFieldsEvaluateClaimFunctionTest {

    static final List<String> OPTIONAL = List.of("shipment", "shipment.carrier", "shipment.tracking", "shipment.insured",
            "shipment.status", "reportedOn", "asOf", "language", "claim", "claim.reference", "claim.outcome", "claim.decidedOn");

    @Inject
    ClaimFunctions functions;

    /** Every optional field given, each with a value that differs from its default so that a default shows. */
    static ObjectNode complete(String orderId) {
        ObjectNode event = Events.fileClaim(orderId).put("language", "en");
        ((ObjectNode) event.path("shipment")).put("tracking", true).put("insured", true);
        ((ObjectNode) event.path("claim")).put("reference", "A2Z-0001").put("outcome", "WITHDRAWN").put("decidedOn", "2026-03-25");
        return event;
    }

    /** A subset as it reaches the function: a field inside a left-out object is not left out on its own. */
    static Set<String> normalised(Set<String> left) {
        Set<String> kept = new TreeSet<>();
        for (String field : left) {
            int dot = field.indexOf('.');
            if (dot < 0 || !left.contains(field.substring(0, dot))) {
                kept.add(field);
            }
        }
        return kept;
    }

    static List<Set<String>> distinct(List<Set<String>> subsets) {
        return new ArrayList<>(new LinkedHashSet<>(subsets.stream().map(OmittedFieldsEvaluateClaimFunctionTest::normalised).toList()));
    }

    @Test
    void everySubsetOfTheOptionalFieldsLeftOutIsAnsweredOrRefusedAsDocumented() {
        List<Set<String>> subsets = distinct(Omissions.powerSet(OPTIONAL));
        // shipment: absent or any of its 16 subsets; claim: absent or any of 8; reportedOn, asOf, language: 2 each.
        assertThat(subsets).hasSize((16 + 1) * (8 + 1) * 2 * 2 * 2);
        Map<String, Integer> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        SoftAssertions softly = new SoftAssertions();
        for (Set<String> left : subsets) {
            String orderId = Events.newOrderId();
            String outcome = check(softly, left, orderId, Omissions.without(complete(orderId), left), true, false);
            outcomes.merge(outcome, 1, Integer::sum);
        }
        softly.assertAll();
        System.out.println("evaluateClaim, " + subsets.size() + " subsets left out: " + outcomes + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertThat(outcomes).containsOnlyKeys("200", "400 claim.outcome");
        // A claim whose decidedOn comes without its outcome, with or without its reference, whatever else is left out.
        assertThat(outcomes.get("400 claim.outcome")).isEqualTo((16 + 1) * 2 * 2 * 2 * 2);
    }

    @Test
    void aPairwiseSetOfThemLeftOutIsTheSameAnswerDeliveredAgainAndUpdatesACaseAlreadyOpen() {
        List<Set<String>> subsets = distinct(Omissions.pairwise(OPTIONAL));
        SoftAssertions softly = new SoftAssertions();
        for (Set<String> left : subsets) {
            String orderId = Events.newOrderId();
            check(softly, left, orderId, Omissions.without(complete(orderId), left), true, true);
            String open = Events.newOrderId();
            functions.evaluateClaim(Events.evaluate(open));
            check(softly, left, open, Omissions.without(complete(open), left), false, true);
        }
        softly.assertAll();
        System.out.println("evaluateClaim, pairwise, new orders and open cases: " + subsets.size() + " subsets");
    }

    /**
     * Sends the event (twice if {@code again}) and checks the answers against what the README documents; returns
     * "200" or "4xx field".
     */
    private String check(SoftAssertions softly, Set<String> left, String orderId, ObjectNode event, boolean newOrder, boolean again) {
        StoredCase before = StoredCase.of(orderId);
        LocalDate today = Events.todayInParis();
        Lambda.Outcome outcome = Lambda.outcome(event);
        LocalDate laterToday = Events.todayInParis();
        String as = "left out " + left + ": " + outcome;
        boolean claim = !Omissions.leftOut(left, "claim");
        boolean outcomeGiven = !Omissions.leftOut(left, "claim.outcome");
        boolean decidedOnGiven = !Omissions.leftOut(left, "claim.decidedOn");

        if (claim && !outcomeGiven && decidedOnGiven) {
            softly.assertThat(outcome.status()).as(as).isEqualTo(400);
            softly.assertThat(outcome.field()).as(as).isEqualTo("claim.outcome");
            softly.assertThat(StoredCase.of(orderId)).as("refused, nothing written: " + as).isEqualTo(before);
            if (again) {
                softly.assertThat(Lambda.outcome(event).toString()).as("the same again").isEqualTo(outcome.toString());
            }
            return outcome.status() + " " + outcome.field();
        }
        softly.assertThat(outcome.status()).as(as).isEqualTo(200);
        if (!outcome.ok()) {
            return outcome.status() + " " + outcome.field();
        }
        JsonNode answer = outcome.body();
        JsonNode caseView = answer.path("caseView");
        softly.assertThat(answer.path("language").asText()).as(as)
                .isEqualTo(Omissions.leftOut(left, "language") ? "fr" : "en");
        if (Omissions.leftOut(left, "asOf")) {
            softly.assertThat(LocalDate.parse(answer.path("asOf").asText())).as(as).isBetween(today, laterToday);
        } else {
            softly.assertThat(answer.path("asOf").asText()).as(as).isEqualTo("2026-03-14");
        }
        softly.assertThat(answer.path("options").findValuesAsText("kind")).as(as).startsWith("CONTACT_BUYER")
                .contains("REFUND", "REFUND_AND_REORDER");
        softly.assertThat(answer.path("options").findValuesAsText("kind").contains("CARRIER_ASSISTANCE"))
                .as("the carrier helps only with the parcel lost: " + as).isEqualTo(!Omissions.leftOut(left, "shipment.status"));
        softly.assertThat(answer.path("explanation")).as(as).isNotEmpty()
                .allSatisfy(line -> {
                    assertThat(line.path("rule").asText()).matches("R([1-9]|1[0-2])");
                    assertThat(line.path("text").asText()).isNotBlank().doesNotContain("[R");
                });

        if (!claim) {
            softly.assertThat(answer.has("evidence")).as(as).isFalse();
            softly.assertThat(caseView.has("claim")).as(as).isFalse();
            softly.assertThat(caseView.path("status").asText()).as(as).isEqualTo("OPEN");
        } else {
            JsonNode evidence = answer.path("evidence");
            softly.assertThat(evidence.has("carrier")).as(as).isEqualTo(!Omissions.leftOut(left, "shipment.carrier"));
            softly.assertThat(evidence.path("tracked").asBoolean()).as(as).isEqualTo(!Omissions.leftOut(left, "shipment.tracking"));
            softly.assertThat(evidence.path("insured").asBoolean()).as(as).isEqualTo(!Omissions.leftOut(left, "shipment.insured"));
            softly.assertThat(evidence.path("carrierStatus").asText()).as(as)
                    .isEqualTo(Omissions.leftOut(left, "shipment.status") ? "UNKNOWN" : "LOST_IN_TRANSIT");
            JsonNode recorded = caseView.path("claim");
            softly.assertThat(recorded.path("filedOn").asText()).as(as).isEqualTo("2026-03-20");
            softly.assertThat(recorded.has("reference")).as(as).isEqualTo(!Omissions.leftOut(left, "claim.reference"));
            if (outcomeGiven) {
                softly.assertThat(recorded.path("outcome").asText()).as(as).isEqualTo("WITHDRAWN");
                softly.assertThat(caseView.path("status").asText()).as("withdrawn: " + as).isEqualTo("OPEN");
                if (decidedOnGiven) {
                    softly.assertThat(recorded.path("decidedOn").asText()).as(as).isEqualTo("2026-03-25");
                } else {
                    softly.assertThat(LocalDate.parse(recorded.path("decidedOn").asText())).as("decided today: " + as)
                            .isBetween(today, laterToday);
                }
            } else {
                softly.assertThat(recorded.has("outcome")).as(as).isFalse();
                softly.assertThat(caseView.path("status").asText()).as(as).isEqualTo("CLAIM_FILED");
                softly.assertThat(caseView.path("nextAttention").path("kind").asText()).as(as).isEqualTo("CLAIM_RESPONSE_DUE");
            }
        }
        StoredCase stored = StoredCase.of(orderId);
        softly.assertThat(stored.version()).as(as).isEqualTo(caseView.path("version").asLong());
        if (newOrder) {
            List<String> events = new ArrayList<>(List.of("CASE_OPENED"));
            if (claim) {
                events.add("CLAIM_FILED");
                if (outcomeGiven) {
                    events.add("CLAIM_WITHDRAWN");
                }
            }
            softly.assertThat(stored.events()).as(as).isEqualTo(events);
        }

        if (again) {
            StoredCase after = StoredCase.of(orderId);
            Lambda.Outcome second = Lambda.outcome(event);
            softly.assertThat(second.status()).as("delivered again: " + as).isEqualTo(200);
            if (second.ok()) {
                softly.assertThat(second.body().path("caseView")).as("delivered again: " + as).isEqualTo(caseView);
            }
            softly.assertThat(StoredCase.of(orderId)).as("delivered again, nothing written: " + as).isEqualTo(after);
        }
        return "200";
    }
}
