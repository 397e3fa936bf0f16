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
import java.util.concurrent.atomic.AtomicInteger;

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
 * every refusal says why, and the history records exactly the accepted changes in version order. Every
 * writer reads the case and saves it at the version it read; one that finds the case changed reads again,
 * and one that keeps finding it changed is answered 503 and retries the same call, as the README says to.
 */
@QuarkusTest
@TestProfile(FunctionProfile.EvaluateClaim.class)
class ConcurrentWritersFunctionTest {

    static final int WRITERS = 20;
    static final BigDecimal TOTAL = new BigDecimal("59.90");
    /** Calls of one writer at most, the first and its retries after a 503 (each call makes up to 8 attempts). */
    static final int MAX_CALLS = WRITERS;

    @Inject
    ClaimFunctions functions;

    private JsonNode json(Object answer) {
        return Answers.json(answer);
    }

    /** How often, per test, a writer was answered 503 because the case kept changing under the others. */
    private final AtomicInteger keptChanging = new AtomicInteger();

    /**
     * One writer's refund. Each reads the case and saves it at the version it read, reading again when another
     * writer saved first; after {@code CaseService.ATTEMPTS} such turns it answers {@code [503] STORE_UNAVAILABLE}
     * ("the case kept changing"), which the README tells callers to retry as is. This caller does, so that each
     * writer ends with the answer that counts: recorded, or refused with a 4xx. Any other error ends it at once.
     */
    private JsonNode refund(ObjectNode event) {
        for (int call = 1; ; call++) {
            try {
                return json(functions.recordRefund(event.deepCopy()));
            } catch (FunctionError e) {
                boolean contention = e.status() == 503 && e.detail().contains("kept changing");
                if (!contention || call >= MAX_CALLS) {
                    throw e;
                }
                keptChanging.incrementAndGet();
            }
        }
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

            List<Race.Outcome<JsonNode>> outcomes = Race.run(WRITERS, i -> refund(
                    Events.refund(orderId).put("refundId", "rf-" + i).put("amount", amounts.get(i))));

            assertRefundsAddUp(orderId, outcomes, amounts);
        }
        System.out.println("partial refunds: answered 503 (case kept changing) and retried " + keptChanging + " time(s)");
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

            List<Race.Outcome<JsonNode>> outcomes = Race.run(WRITERS, i -> refund(
                    Events.refund(orderId).put("refundId", "rf-" + i).put("amount", amounts.get(i))));

            assertRefundsAddUp(orderId, outcomes, amounts);
            long fullAccepted = outcomes.stream().filter(o -> o.ok() && amounts.get(o.caller()).equals("full")).count();
            assertThat(fullAccepted).as("after a full refund nothing is left").isLessThanOrEqualTo(1);
        }
        System.out.println("refunds, some full: answered 503 (case kept changing) and retried " + keptChanging + " time(s)");
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
        assertThat(stored.refundIds()).as("each accepted refund stored once, nothing else").containsExactlyInAnyOrderElementsOf(acceptedIds);
        assertThat(stored.remaining()).isEqualByComparingTo(TOTAL.subtract(sum));
        accepted.stream().max(java.util.Comparator.comparingLong(o -> o.value().path("caseView").path("version").asLong()))
                .ifPresent(last -> assertThat(new BigDecimal(last.value().path("caseView").path("remaining").asText()))
                        .as("the last accepted refund's answer tells what is left").isEqualByComparingTo(stored.remaining()));
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
                    // Only the 20.00 refund can be refused, and only when the full refund took everything first.
                    assertThat(o.caller()).as("refused writer").isEqualTo(1);
                    assertThat(code(o.error())).isEqualTo("REFUND_EXCEEDS_REMAINING");
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
                        assertThat(stored.arrivalSources()).containsExactly("CARRIER");
                        eventAtVersion.put(o.value().path("arrival").path("caseView").path("version").asLong(), "ARRIVAL_REPORTED");
                        expectedEvents.add("ARRIVAL_REPORTED");
                    }
                }
            }
            assertThat(outcomes.get(0).ok()).as("the evaluation is always taken").isTrue();
            assertThat(outcomes.get(2).ok()).as("the full refund always fits").isTrue();
            assertThat(outcomes.get(3).ok()).as("the arrival is always taken").isTrue();
            String fullAmount = outcomes.get(2).value().path("refund").path("amount").asText();
            assertThat(fullAmount).as("the full refund took what the other left").isEqualTo(outcomes.get(1).ok() ? "39.90" : "59.90");
            assertThat(stored.events()).containsExactlyInAnyOrderElementsOf(expectedEvents);
            assertThat(stored.version()).isEqualTo(expectedEvents.size());
            eventAtVersion.forEach((version, event) ->
                    assertThat(stored.events().get((int) (long) version - 1)).as("event at version %d", version).isEqualTo(event));
            assertThat(stored.remaining()).as("everything refunded").isZero();
            // Both refunds (2026-03-15) went out before the parcel came (2026-03-20), whatever the order of the writes.
            assertThat(stored.status()).isEqualTo("LATE_ARRIVAL_FLAGGED");
            seen.merge(String.join(",", stored.events()), 1, Integer::sum);
        }
        System.out.println("interleavings seen: " + seen);
    }
}
