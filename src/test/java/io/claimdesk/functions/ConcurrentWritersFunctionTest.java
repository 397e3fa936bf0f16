package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.Race;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * Many writers on one case at the same moment, each on its own thread as separate Lambda instances would
 * be, against the real local engine: refunds never sum above the order total, nothing accepted is lost,
 * every refusal says why, and the history records exactly the accepted changes in version order.
 */
@QuarkusTest
@TestProfile(FunctionProfile.EvaluateClaim.class)
class ConcurrentWritersFunctionTest {

    static final int WRITERS = 20;
    static final BigDecimal TOTAL = new BigDecimal("59.90");

    @Inject
    ClaimFunctions functions;

    private JsonNode json(Object answer) {
        return Answers.json(answer);
    }

    private static String code(Throwable error) {
        assertThat(error).as("a refusal in the documented format").isInstanceOf(FunctionError.class);
        return ((FunctionError) error).code();
    }

    @Test
    void twentyConcurrentPartialRefundsNeverSumAboveTheTotal() {
        Random random = new Random(5);
        for (int round = 0; round < 3; round++) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId); // 59.90 EUR
            List<String> amounts = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                amounts.add(BigDecimal.valueOf(150 + random.nextInt(800), 2).toPlainString()); // 1.50 .. 9.49
            }
            assertThat(amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add)).isGreaterThan(TOTAL);

            List<Race.Outcome<JsonNode>> outcomes = Race.run(WRITERS, i -> json(functions.recordRefund(
                    Events.refund(orderId).put("refundId", "rf-" + i).put("amount", amounts.get(i)))));

            assertRefundsAddUp(orderId, outcomes, amounts);
        }
    }

    @Test
    void twentyConcurrentRefundsSomeOfThemFullNeverSumAboveTheTotal() {
        Random random = new Random(7);
        for (int round = 0; round < 3; round++) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId);
            List<String> amounts = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                amounts.add(i % 5 == 4 ? "full" : BigDecimal.valueOf(150 + random.nextInt(800), 2).toPlainString());
            }

            List<Race.Outcome<JsonNode>> outcomes = Race.run(WRITERS, i -> json(functions.recordRefund(
                    Events.refund(orderId).put("refundId", "rf-" + i).put("amount", amounts.get(i)))));

            assertRefundsAddUp(orderId, outcomes, amounts);
            long fullAccepted = outcomes.stream().filter(o -> o.ok() && amounts.get(o.caller()).equals("full")).count();
            assertThat(fullAccepted).as("after a full refund nothing is left").isLessThanOrEqualTo(1);
        }
    }

    private void assertRefundsAddUp(String orderId, List<Race.Outcome<JsonNode>> outcomes, List<String> amounts) {
        List<Race.Outcome<JsonNode>> accepted = outcomes.stream().filter(Race.Outcome::ok).toList();
        List<Race.Outcome<JsonNode>> refused = outcomes.stream().filter(o -> !o.ok()).toList();
        assertThat(refused).allSatisfy(o -> {
            assertThat(code(o.error())).isEqualTo("REFUND_EXCEEDS_REMAINING");
            assertThat(((FunctionError) o.error()).field()).isEqualTo("amount");
        });
        assertThat(accepted.size() + refused.size()).as("none vanishes").isEqualTo(WRITERS);
        assertThat(accepted).as("every accepted refund is new, none a replay")
                .allSatisfy(o -> assertThat(o.value().path("replay").asBoolean()).isFalse());

        BigDecimal sum = accepted.stream().map(o -> new BigDecimal(o.value().path("refund").path("amount").asText()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isLessThanOrEqualTo(TOTAL);

        StoredCase stored = StoredCase.of(orderId);
        Set<String> acceptedIds = new HashSet<>();
        accepted.forEach(o -> acceptedIds.add("rf-" + o.caller()));
        assertThat(stored.refundIds()).isEqualTo(acceptedIds);
        assertThat(stored.remaining()).isEqualByComparingTo(TOTAL.subtract(sum));
        for (Race.Outcome<JsonNode> o : accepted) {
            assertThat(stored.refundAmount("rf-" + o.caller()))
                    .isEqualByComparingTo(o.value().path("refund").path("amount").asText());
        }
        // A refusal is never spurious: what was refused did not fit even in what is left at the end.
        assertThat(refused).allSatisfy(o -> {
            String asked = amounts.get(o.caller());
            if (!asked.equals("full")) {
                assertThat(new BigDecimal(asked)).isGreaterThan(stored.remaining());
            } else {
                assertThat(stored.remaining()).isZero();
            }
        });

        // History: CASE_OPENED, then exactly one REFUND_RECORDED per accepted refund, at the version its answer gave.
        assertThat(stored.events()).hasSize(1 + accepted.size());
        assertThat(stored.count("REFUND_RECORDED")).isEqualTo(accepted.size());
        assertThat(stored.version()).isEqualTo(1 + accepted.size());
        Set<Long> versions = new HashSet<>();
        for (Race.Outcome<JsonNode> o : accepted) {
            long version = o.value().path("caseView").path("version").asLong();
            assertThat(versions.add(version)).as("version %d given once", version).isTrue();
            int index = (int) version - 1;
            assertThat(stored.events().get(index)).isEqualTo("REFUND_RECORDED");
            assertThat(stored.args(index).get(0)).as("history entry at version %d", version).isEqualTo("rf-" + o.caller());
        }
    }

    /** One writer of each kind at once, on fresh cases, many times over so that many interleavings happen. */
    @Test
    void concurrentEvaluationRefundsAndArrivalLoseNoUpdate() {
        Map<String, Integer> seen = new HashMap<>();
        for (int round = 0; round < 12; round++) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId);
            ObjectNode newFacts = Events.evaluate(orderId).put("reportedOn", "2026-03-13");
            ((ObjectNode) newFacts.path("shipment")).put("status", "WRONG_ADDRESS");
            List<Race.Outcome<JsonNode>> outcomes = Race.run(4, i -> switch (i) {
                case 0 -> json(functions.evaluateClaim(newFacts.deepCopy()));
                case 1 -> json(functions.recordRefund(Events.refund(orderId).put("refundId", "a").put("amount", "20.00")));
                case 2 -> json(functions.recordRefund(Events.refund(orderId).put("refundId", "b").put("amount", "full")));
                default -> json(functions.flagLateArrival(Events.arrival(orderId)));
            });

            StoredCase stored = StoredCase.of(orderId);
            List<String> expectedEvents = new ArrayList<>(List.of("CASE_OPENED"));
            Map<Long, String> eventAtVersion = new HashMap<>();
            for (Race.Outcome<JsonNode> o : outcomes) {
                if (!o.ok()) {
                    assertThat(code(o.error())).as("writer %d", o.caller())
                            .isIn("INVALID_TRANSITION", "REFUND_EXCEEDS_REMAINING");
                    continue;
                }
                switch (o.caller()) {
                    case 0 -> {
                        assertThat(stored.attribute("reportedOn")).isEqualTo("2026-03-13");
                        assertThat(stored.attribute("carrierStatus")).isEqualTo("WRONG_ADDRESS");
                        eventAtVersion.put(o.value().path("caseView").path("version").asLong(), "FACTS_UPDATED");
                        expectedEvents.add("FACTS_UPDATED");
                    }
                    case 1, 2 -> {
                        String id = o.caller() == 1 ? "a" : "b";
                        assertThat(stored.refundIds()).contains(id);
                        eventAtVersion.put(o.value().path("caseView").path("version").asLong(), "REFUND_RECORDED");
                        expectedEvents.add("REFUND_RECORDED");
                    }
                    default -> {
                        assertThat(stored.hasArrival()).isTrue();
                        String event = o.value().path("arrival").path("decision").asText().equals("CLOSED_AS_DELIVERED")
                                ? "CLOSED_AS_DELIVERED" : "LATE_ARRIVAL_FLAGGED";
                        eventAtVersion.put(o.value().path("arrival").path("caseView").path("version").asLong(), event);
                        expectedEvents.add(event);
                    }
                }
            }
            assertThat(stored.events()).containsExactlyInAnyOrderElementsOf(expectedEvents);
            assertThat(stored.version()).isEqualTo(expectedEvents.size());
            eventAtVersion.forEach((version, event) ->
                    assertThat(stored.events().get((int) (long) version - 1)).as("event at version %d", version).isEqualTo(event));
            BigDecimal refunded = stored.refundIds().stream().map(stored::refundAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(stored.remaining()).isEqualByComparingTo(TOTAL.subtract(refunded));
            seen.merge(String.join(",", stored.events()), 1, Integer::sum);
        }
        System.out.println("interleavings seen: " + seen);
    }
}
