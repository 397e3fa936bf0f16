package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FaultInjector;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.LocalDynamoDb;
import io.claimdesk.testing.StoredCase;
import io.claimdesk.testing.Table;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The store failing under the functions: the engine gone, DynamoDB throttling, a hung engine. Each time
 * the function answers {@code [503] STORE_UNAVAILABLE} (retryable), the table holds no half-written case,
 * and once the store is back the same call, retried, takes effect exactly once.
 */
@QuarkusTest
@TestProfile(FunctionProfile.Faults.class)
class StoreFaultFunctionTest {

    /** Longer than the profile's per-attempt timeout: the SDK gives up on the attempt. */
    static final Duration HANG = FunctionProfile.Faults.ATTEMPT_TIMEOUT.multipliedBy(5);

    @Inject
    ClaimFunctions functions;

    @AfterEach
    void disarm() {
        FaultInjector.disarm();
    }

    private JsonNode json(Object answer) {
        return Answers.json(answer);
    }

    private static FunctionError refusal(Supplier<?> call) {
        FunctionError e = catchThrowableOfType(FunctionError.class, call::get);
        assertThat(e).as("the call fails with a FunctionError").isNotNull();
        return e;
    }

    private static void assertUnavailable(FunctionError e) {
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).startsWith("[503] STORE_UNAVAILABLE -: ");
    }

    private static void assertUnavailable(String lambdaErrorMessage) {
        assertThat(lambdaErrorMessage).startsWith("io.claimdesk.functions.FunctionError: [503] STORE_UNAVAILABLE -: ");
    }

    // ------------------------------------------------------------------------------------ engine stopped

    @Test
    void theEngineStoppedThenRestartedEachFunctionFailsRetryablyThenTakesEffectOnce() throws Exception {
        String refunded = Events.newOrderId();
        String arrived = Events.newOrderId();
        String updated = Events.newOrderId();
        Fixtures.openCase(functions, refunded);
        Fixtures.openCase(functions, arrived);
        Fixtures.openCase(functions, updated);
        Map<String, Map<String, AttributeValue>> before = Table.snapshot();
        ObjectNode refund = Events.refund(refunded);
        ObjectNode arrival = Events.arrival(arrived);
        ObjectNode newFacts = Events.evaluate(updated).put("orderTotal", "64.90");

        LocalDynamoDb.kill();
        try {
            assertUnavailable(Lambda.error(refund));
            assertUnavailable(refusal(() -> functions.flagLateArrival(arrival.deepCopy())));
            assertUnavailable(refusal(() -> functions.evaluateClaim(newFacts.deepCopy())));
            assertUnavailable(refusal(() -> functions.flagLateArrival(Events.sweep())));
        } finally {
            LocalDynamoDb.restart();
            Table.recreate(before); // the in-memory engine lost everything: put the cases back as they were
        }
        assertThat(Table.snapshot()).isEqualTo(before);

        JsonNode first = Lambda.ok(refund);
        JsonNode again = Lambda.ok(refund);
        assertThat(first.path("replay").asBoolean()).isFalse();
        assertThat(again.path("replay").asBoolean()).isTrue();
        assertThat(StoredCase.of(refunded).events()).containsExactly("CASE_OPENED", "REFUND_RECORDED");
        assertThat(StoredCase.of(refunded).refundIds()).containsExactly("rf-0001");

        assertThat(json(functions.flagLateArrival(arrival)).path("arrival").path("replay").asBoolean()).isFalse();
        assertThat(StoredCase.of(arrived).events()).containsExactly("CASE_OPENED", "ARRIVAL_REPORTED");

        json(functions.evaluateClaim(newFacts));
        json(functions.evaluateClaim(newFacts));
        assertThat(StoredCase.of(updated).events()).containsExactly("CASE_OPENED", "FACTS_UPDATED");
    }

    // ------------------------------------------------------------------------------------ throttling

    @Test
    void aThrottledRefundFailsRetryablyChangesNothingAndTakesEffectOnceWhenRetried() {
        for (boolean generic : new boolean[] {false, true}) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId);
            StoredCase before = StoredCase.of(orderId);
            if (generic) {
                FaultInjector.throttleGeneric(1000);
            } else {
                FaultInjector.throttle(1000);
            }

            assertUnavailable(Lambda.error(Events.refund(orderId)));
            assertThat(FaultInjector.injected()).as("the SDK retried before giving up").isGreaterThan(1);
            assertThat(StoredCase.of(orderId)).isEqualTo(before);

            FaultInjector.disarm();
            JsonNode retried = Lambda.ok(Events.refund(orderId));
            assertThat(retried.path("replay").asBoolean()).isFalse();
            assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "REFUND_RECORDED");
        }
    }

    @Test
    void aBriefThrottlingIsAbsorbedByTheSdkRetriesAndTheRefundIsRecordedOnce() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        FaultInjector.throttle(2, "PutItem");
        JsonNode answer = Lambda.ok(Events.refund(orderId));
        assertThat(FaultInjector.injected()).isEqualTo(2);
        assertThat(answer.path("replay").asBoolean()).isFalse();
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "REFUND_RECORDED");
    }

    @Test
    void throttledWritesOfTheOtherFunctionsFailRetryablyAndChangeNothing() {
        String updated = Events.newOrderId();
        String arrived = Events.newOrderId();
        String opened = Events.newOrderId();
        String claimed = Events.newOrderId();
        String consented = Events.newOrderId();
        Fixtures.openCase(functions, updated);
        Fixtures.openCase(functions, arrived);
        Fixtures.openCase(functions, claimed);
        Fixtures.openCase(functions, consented);
        Fixtures.refund(functions, consented, "r1", "20.00", false);
        functions.flagLateArrival(Events.arrival(consented));
        Map<String, Map<String, AttributeValue>> before = Table.snapshot();
        ObjectNode newFacts = Events.evaluate(updated).put("orderTotal", "64.90");

        FaultInjector.throttleCalls(1000, "PutItem");
        assertUnavailable(refusal(() -> functions.evaluateClaim(newFacts.deepCopy())));
        assertUnavailable(refusal(() -> functions.evaluateClaim(Events.evaluate(opened))));
        assertUnavailable(refusal(() -> functions.evaluateClaim(Events.fileClaim(claimed))));
        assertUnavailable(refusal(() -> functions.flagLateArrival(Events.arrival(arrived))));
        assertUnavailable(refusal(() -> functions.flagLateArrival(Events.recordConsent(consented))));
        FaultInjector.throttleCalls(1000, "Query");
        assertUnavailable(refusal(() -> functions.flagLateArrival(Events.sweep())));
        assertThat(Table.snapshot()).isEqualTo(before);

        FaultInjector.disarm();
        functions.evaluateClaim(newFacts);
        functions.evaluateClaim(Events.evaluate(opened));
        functions.flagLateArrival(Events.arrival(arrived));
        functions.evaluateClaim(Events.fileClaim(claimed));
        functions.flagLateArrival(Events.recordConsent(consented));
        functions.evaluateClaim(Events.fileClaim(claimed));
        functions.flagLateArrival(Events.recordConsent(consented));
        assertThat(StoredCase.of(claimed).events()).containsExactly("CASE_OPENED", "CLAIM_FILED");
        assertThat(StoredCase.of(consented).events()).containsExactly("CASE_OPENED", "REFUND_RECORDED", "ARRIVAL_REPORTED", "CONSENT_GIVEN");
        assertThat(StoredCase.of(updated).events()).containsExactly("CASE_OPENED", "FACTS_UPDATED");
        assertThat(StoredCase.of(opened).events()).containsExactly("CASE_OPENED");
        assertThat(StoredCase.of(arrived).events()).containsExactly("CASE_OPENED", "ARRIVAL_REPORTED");
    }

    /** A sweep stopped half-way by the store: what it did stays done, the next run does the rest, each case once. */
    @Test
    void aSweepStoppedHalfWayByTheStoreIsFinishedByTheNextRunEachCaseOnce() {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId);
            due.add(orderId);
        }
        // A time at which the windows have opened but no deadline passed: each case gets one CLAIM_WINDOW_OPENED entry.
        ObjectNode sweep = Events.sweep().put("time", "2026-04-01T06:00:00Z");
        FaultInjector.throttleCallsAfter(2, 1000, "PutItem");

        assertUnavailable(refusal(() -> functions.flagLateArrival(sweep.deepCopy())));
        long sweptBefore = due.stream().filter(id -> StoredCase.of(id).count("CLAIM_WINDOW_OPENED") == 1).count();
        assertThat(due).allSatisfy(id -> assertThat(StoredCase.of(id).count("CLAIM_WINDOW_OPENED")).isLessThanOrEqualTo(1));
        assertThat(sweptBefore).as("the store failed after two writes").isLessThanOrEqualTo(2);

        FaultInjector.disarm();
        JsonNode run = json(functions.flagLateArrival(sweep.deepCopy())).path("sweep");
        assertThat(run.path("complete").asBoolean()).isTrue();
        assertThat(due).allSatisfy(id -> assertThat(StoredCase.of(id).events()).containsExactly("CASE_OPENED", "CLAIM_WINDOW_OPENED"));
        long sweptNow = due.stream().filter(id -> run.path("changedOrders").toString().contains(id)).count();
        assertThat(sweptBefore + sweptNow).isEqualTo(due.size());
    }

    // ------------------------------------------------------------------------------------ slow engine

    @Test
    void aHungEngineBeforeTheWriteFailsRetryablyAndChangesNothing() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        StoredCase before = StoredCase.of(orderId);
        FaultInjector.slowBeforeSending(HANG, 1000, "PutItem");

        long started = System.nanoTime();
        assertUnavailable(Lambda.error(Events.refund(orderId)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the SDK's call timeout").isLessThan(Duration.ofSeconds(10));
        assertThat(StoredCase.of(orderId)).isEqualTo(before);

        FaultInjector.disarm();
        assertThat(Lambda.ok(Events.refund(orderId)).path("replay").asBoolean()).isFalse();
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "REFUND_RECORDED");
    }

    /**
     * The engine applies the write but its answer never arrives in time: the function cannot know whether
     * it took effect. It says so (503, retry), the case is whole (the write is one conditional PutItem of the item),
     * and the retry recognises the recorded refund instead of recording it twice.
     */
    @Test
    void aWriteWhoseAnswerIsLostIsNeverHalfDoneAndItsRetryDoesNotRepeatIt() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        StoredCase before = StoredCase.of(orderId);
        FaultInjector.slowAfterSending(HANG, 1000, "PutItem");

        String message = Lambda.error(Events.refund(orderId));
        assertUnavailable(message);
        assertThat(message).as("the outcome is unknown, so the answer must not claim nothing was written")
                .doesNotContain("nothing was written");
        StoredCase during = StoredCase.of(orderId);
        assertThat(during.item()).as("either untouched or the whole refund").satisfiesAnyOf(
                item -> assertThat(item).isEqualTo(before),
                item -> {
                    assertThat(during.events()).containsExactly("CASE_OPENED", "REFUND_RECORDED");
                    assertThat(during.refundIds()).containsExactly("rf-0001");
                    assertThat(during.remaining()).isEqualByComparingTo("39.90");
                    assertThat(during.version()).isEqualTo(2);
                });

        FaultInjector.disarm();
        JsonNode retried = Lambda.ok(Events.refund(orderId));
        assertThat(retried.path("refund").path("amount").asText()).isEqualTo("20.00");
        StoredCase after = StoredCase.of(orderId);
        assertThat(after.events()).containsExactly("CASE_OPENED", "REFUND_RECORDED");
        assertThat(after.remaining()).isEqualByComparingTo("39.90");
        assertThat(after.refundIds()).containsExactly("rf-0001");
        assertThat(after.version()).isEqualTo(2);
    }

    /**
     * One lost answer, then the SDK's own retry meets the refund already recorded, by this very call:
     * the caller is told it was recorded now (replay=false), and only later deliveries are replays.
     */
    @Test
    void aRefundWhoseFirstAnswerIsLostIsRecordedOnceAndNotReportedAsAReplay() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        FaultInjector.slowAfterSending(HANG, 1, "PutItem");

        JsonNode first = Lambda.ok(Events.refund(orderId));
        assertThat(FaultInjector.injected()).isEqualTo(1);
        assertThat(first.path("replay").asBoolean()).isFalse();
        assertThat(Lambda.ok(Events.refund(orderId)).path("replay").asBoolean()).isTrue();
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "REFUND_RECORDED");
    }

    @Test
    void anArrivalOrEvaluationWhoseFirstAnswerIsLostTakesEffectOnce() {
        String arrived = Events.newOrderId();
        String opened = Events.newOrderId();
        Fixtures.openCase(functions, arrived);
        Fixtures.refund(functions, arrived, "r1", "20.00", false);

        FaultInjector.slowAfterSending(HANG, 1, "PutItem");
        JsonNode arrival = json(functions.flagLateArrival(Events.arrival(arrived))).path("arrival");
        assertThat(FaultInjector.injected()).isEqualTo(1);
        assertThat(arrival.path("replay").asBoolean()).isFalse();
        assertThat(StoredCase.of(arrived).events()).containsExactly("CASE_OPENED", "REFUND_RECORDED", "ARRIVAL_REPORTED");

        FaultInjector.slowAfterSending(HANG, 1, "PutItem");
        JsonNode evaluation = json(functions.evaluateClaim(Events.evaluate(opened)));
        assertThat(FaultInjector.injected()).isEqualTo(1);
        assertThat(evaluation.path("caseView").path("version").asLong()).isEqualTo(1);
        assertThat(StoredCase.of(opened).events()).containsExactly("CASE_OPENED");

        FaultInjector.slowAfterSending(HANG, 1, "PutItem");
        JsonNode consent = json(functions.flagLateArrival(Events.recordConsent(arrived))).path("followUp");
        assertThat(FaultInjector.injected()).isEqualTo(1);
        assertThat(consent.path("replay").asBoolean()).as("recorded by this very call").isFalse();
        assertThat(StoredCase.of(arrived).count("CONSENT_GIVEN")).isEqualTo(1);

        FaultInjector.slowAfterSending(HANG, 1, "PutItem");
        JsonNode claim = json(functions.evaluateClaim(Events.fileClaim(opened)));
        assertThat(FaultInjector.injected()).isEqualTo(1);
        assertThat(claim.path("caseView").path("status").asText()).isEqualTo("CLAIM_FILED");
        assertThat(StoredCase.of(opened).events()).containsExactly("CASE_OPENED", "CLAIM_FILED");
    }
}
