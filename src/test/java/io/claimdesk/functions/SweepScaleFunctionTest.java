package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.LogCapture;
import io.claimdesk.testing.StoredCase;
import io.claimdesk.testing.Table;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The sweep's cost grows with the due cases, not with the table: it reads the due index with one Query per shard and
 * reads exactly the due cases, whether 60 or 600 cases are not due. Read from the sweep's own log line
 * ({@code io.claimdesk.cases.RoundTrips}: calls and items read). This class owns its engine, so every case is its own.
 */
@QuarkusTest
@TestProfile(FunctionProfile.FlagLateArrival.class)
class SweepScaleFunctionTest {

    /** 2026-04-01T06:00:00Z: the claim window of an order delivered by 2026-03-10 has opened (2026-03-13). */
    static final Instant SWEEP = Instant.parse("2026-04-01T06:00:00Z");
    static final int DUE = 5;
    static final Pattern FIGURES = Pattern.compile("flagLateArrival done: (\\d+) DynamoDB call\\(s\\) \\[([^\\]]*)\\], (\\d+) item\\(s\\) read");

    @Inject
    ClaimFunctions functions;

    @Test
    void aSweepReadsTheDueCasesOnlyWhateverTheNumberOfCasesNotDue() {
        assertThat(Table.count()).as("an engine of its own").isZero();

        List<String> due = openDue();
        openNotDue(60);
        Sweep small = sweep();

        List<String> dueLater = openDue();
        openNotDue(540);
        assertThat(Table.count()).as("cases in the table").isEqualTo(2 * DUE + 600);
        Sweep large = sweep();

        for (var run : List.of(small, large)) {
            assertThat(run.operations()).as("never a Scan").doesNotContain("Scan");
            // One per shard of the due index, and one per shard the cases stored before the to-do list sit under
            // until the sweep adopts them (none here).
            assertThat(run.operations().stream().filter("Query"::equals).count()).as("one Query per shard of the due index")
                    .isEqualTo(CaseTable.DUE_SHARDS + CaseTable.LEGACY_DUE_SHARDS.size());
            assertThat(run.itemsRead()).as("items read: the due cases, no more").isEqualTo(DUE);
        }
        assertThat(small.changed()).containsExactlyInAnyOrderElementsOf(due);
        assertThat(large.changed()).as("the cases handled by the first sweep are no longer due").containsExactlyInAnyOrderElementsOf(dueLater);
        // The order of the writes among the Queries depends on the shards the due cases fall in.
        assertThat(large.operations()).as("the same work at ten times the cases not due")
                .containsExactlyInAnyOrderElementsOf(small.operations());
        due.forEach(orderId -> assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "CLAIM_WINDOW_OPENED"));
    }

    record Sweep(List<String> operations, int itemsRead, List<String> changed) {
    }

    private Sweep sweep() {
        try (LogCapture logs = LogCapture.start()) {
            JsonNode run = Lambda.ok(Events.sweepAt(SWEEP)).path("sweep");
            assertThat(run.path("complete").asBoolean()).isTrue();
            List<String> changed = new ArrayList<>();
            run.path("changedOrders").forEach(id -> changed.add(id.asText()));
            Matcher figures = logs.lines().stream().map(l -> FIGURES.matcher(l.text())).filter(Matcher::find).findFirst()
                    .orElseThrow(() -> new AssertionError("the sweep logged no figures"));
            return new Sweep(List.of(figures.group(2).split(", ")), Integer.parseInt(figures.group(3)), changed);
        }
    }

    /** Cases whose claim window opened on 2026-03-13, before the sweep: due. */
    private List<String> openDue() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DUE; i++) {
            String orderId = Events.newOrderId();
            Fixtures.openCase(functions, orderId);
            ids.add(orderId);
        }
        return ids;
    }

    /** Cases whose claim window opens on 2026-05-13, after the sweep: not due. */
    private void openNotDue(int count) {
        for (int i = 0; i < count; i++) {
            JsonNode answer = Fixtures.evaluate(functions, Events.evaluate(Events.newOrderId())
                    .put("orderDate", "2026-05-01").put("maxDeliveryDate", "2026-05-10").put("reportedOn", "2026-05-12"));
            assertThat(answer.has("refusal")).as("opened: %s", answer).isFalse();
        }
    }
}
