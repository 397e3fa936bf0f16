package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.StoredCase;
import io.claimdesk.testing.Table;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A scheduled sweep that cannot finish in one run (here at most {@value FunctionProfile.SmallSweep#MAX_CASES}
 * cases per run, in pages of 2) says so, and the next runs pick up exactly what is left: every due case is
 * handled once, none twice, none forgotten. This class owns its engine, so the due cases are exactly its own.
 */
@QuarkusTest
@TestProfile(FunctionProfile.SmallSweep.class)
class InterruptedSweepFunctionTest {

    static final int DUE_CASES = 7;

    @Inject
    ClaimFunctions functions;

    @Test
    void aSweepCutShortIsFinishedByTheNextRunsAndHandlesEachCaseOnce() {
        assertThat(Table.count()).as("an engine of its own").isZero();
        List<String> unrefunded = new ArrayList<>();
        List<String> refunded = new ArrayList<>();
        for (int i = 0; i < DUE_CASES; i++) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId); // window opens 2026-03-13, deadline 2026-06-08
            if (i % 2 == 0) {
                unrefunded.add(orderId);
            } else {
                Fixtures.refund(functions, orderId, "r1", "20.00", false);
                refunded.add(orderId);
            }
        }
        // 2026-06-10T06:00:00Z: for every case the window has opened and the deadline has passed.
        List<JsonNode> runs = new ArrayList<>();
        JsonNode run;
        do {
            run = Lambda.ok(Events.sweep()).path("sweep");
            runs.add(run);
            assertThat(runs).as("runs needed").hasSizeLessThanOrEqualTo(DUE_CASES);
        } while (!run.path("complete").asBoolean());

        int maxCases = FunctionProfile.SmallSweep.MAX_CASES;
        assertThat(runs.get(0).path("complete").asBoolean()).isFalse();
        assertThat(runs).as("each run stops at its budget").allSatisfy(r ->
                assertThat(r.path("examined").asInt()).isLessThanOrEqualTo(maxCases));
        assertThat(runs).hasSize((DUE_CASES + maxCases - 1) / maxCases);
        Map<String, Integer> handled = new HashMap<>();
        runs.forEach(r -> r.path("changedOrders").forEach(id -> handled.merge(id.asText(), 1, Integer::sum)));
        assertThat(handled).as("runs that changed each case").hasSize(DUE_CASES).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        assertThat(runs.stream().mapToInt(r -> r.path("closed").asInt()).sum()).as("every case closes: its deadline passed")
                .isEqualTo(DUE_CASES);

        for (String orderId : unrefunded) {
            StoredCase stored = StoredCase.of(orderId);
            assertThat(stored.events()).as("one entry per sweep event")
                    .containsExactly("CASE_OPENED", "CLAIM_WINDOW_OPENED", "CLAIM_DEADLINE_PASSED");
            assertThat(stored.status()).isEqualTo("CLOSED");
            assertThat(stored.closeReason()).isEqualTo("CLAIM_DEADLINE_PASSED");
            assertThat(stored.item()).as("no longer due").doesNotContainKey("dueOn");
        }
        for (String orderId : refunded) {
            StoredCase stored = StoredCase.of(orderId);
            assertThat(stored.events()).as("one entry per sweep event")
                    .containsExactly("CASE_OPENED", "REFUND_RECORDED", "CLAIM_WINDOW_OPENED", "CLAIM_DEADLINE_PASSED");
            assertThat(stored.status()).isEqualTo("CLOSED");
            assertThat(stored.closeReason()).isEqualTo("REFUNDED");
            assertThat(stored.item()).as("no longer due").doesNotContainKey("dueOn");
        }

        JsonNode again = Lambda.ok(Events.sweep()).path("sweep");
        assertThat(again.path("complete").asBoolean()).isTrue();
        assertThat(again.path("changed").asInt()).isZero();
        assertThat(again.path("examined").asInt()).isZero();
    }
}
