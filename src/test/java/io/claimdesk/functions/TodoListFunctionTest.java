package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.StoredCase;
import io.claimdesk.testing.Table;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The to-do list as the seller lives it, through caseDesk's Lambda path against the local engine, the other functions
 * called as Java: a case stays listed through any number of sweeps until the seller acts, a case set aside comes back
 * on its day, a claim is listed with the hours left to answer Amazon (R9) until the answer is recorded, and a case
 * stored before the to-do list reads and joins the list at the sweep's next run, with no migration step.
 */
@QuarkusTest
@TestProfile(FunctionProfile.CaseDesk.class)
class TodoListFunctionTest {

    @Inject
    ClaimFunctions functions;

    private static final LocalDate TODAY = Events.todayInParis();

    /** The case's entry in the whole list for {@code day} (null: today), read page by page; empty when not listed. */
    private static Optional<JsonNode> listed(String orderId, LocalDate day) {
        String next = null;
        do {
            ObjectNode query = Events.JSON.createObjectNode().put("limit", 100).put("marketplace", "FR");
            if (day != null) {
                query.put("attention", day.toString());
            }
            if (next != null) {
                query.put("next", next);
            }
            JsonNode page = Lambda.ok(query);
            for (JsonNode c : page.path("cases")) {
                if (c.path("orderId").asText().equals(orderId)) {
                    return Optional.of(c);
                }
            }
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (next != null);
        return Optional.empty();
    }

    private void sweep() {
        JsonNode run = Answers.json(functions.flagLateArrival(Events.sweepAt(Instant.now())));
        assertThat(run.path("sweep").path("complete").asBoolean()).isTrue();
    }

    @Test
    void aCaseStaysListedThroughEverySweepUntilTheSellerActsAndASetAsideComesBackOnItsDay() {
        String orderId = Events.newOrderId();
        // Ordered 20 days ago, due 15 days ago: the claim window opened 12 days ago (R6), before the report. The sweep
        // records that opening; answering the buyer stays to do (R1).
        Fixtures.openRecentCase(functions, orderId, 20);

        for (int sweeps = 0; sweeps <= 3; sweeps++) {
            JsonNode entry = listed(orderId, null).orElseThrow(() -> new AssertionError("not listed: " + orderId));
            assertThat(entry.path("attention").asText()).isEqualTo("ANSWER_BUYER");
            assertThat(entry.path("dueOn").asText()).isEqualTo(TODAY.toString());
            assertThat(entry.path("todo").path("rule").asText()).isEqualTo("R1");
            assertThat(entry.has("hoursLeft")).as("a deadline in days").isFalse();
            sweep();
        }
        assertThat(StoredCase.of(orderId).events()).containsExactly("CASE_OPENED", "CLAIM_WINDOW_OPENED");

        Answers.json(functions.setAside(Events.JSON.createObjectNode().put("orderId", orderId)
                .put("until", TODAY.plusDays(3).toString()).put("note", "WAITING_FOR_BUYER")));
        for (int sweeps = 0; sweeps < 2; sweeps++) {
            assertThat(listed(orderId, null)).as("set aside").isEmpty();
            assertThat(listed(orderId, TODAY.plusDays(2))).as("the day before it comes back").isEmpty();
            assertThat(listed(orderId, TODAY.plusDays(3))).as("back on its day").get()
                    .satisfies(entry -> assertThat(entry.path("attention").asText()).isEqualTo("SET_ASIDE_ENDED"));
            sweep();
        }

        Fixtures.refundOn(functions, orderId, "r-1", "20.00", false, TODAY);
        assertThat(listed(orderId, TODAY.plusDays(3))).as("acted on").isEmpty();
        assertThat(StoredCase.of(orderId).attribute(CaseTable.Index.TODO.dayAttribute()))
                .as("nothing left to do: out of the to-do index").isNull();
    }

    @Test
    void aClaimIsListedWithTheHoursLeftToAnswerAmazonUntilTheAnswerIsRecorded() {
        String orderId = Events.newOrderId();
        Fixtures.openRecentCase(functions, orderId, 20);
        Fixtures.refundOn(functions, orderId, "r-1", "20.00", false, TODAY);
        assertThat(listed(orderId, null)).isEmpty();

        Instant filedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Answers.json(functions.recordClaim(Events.JSON.createObjectNode().put("orderId", orderId).put("filedAt", filedAt.toString())));
        Instant before = Instant.now();
        JsonNode entry = listed(orderId, null).orElseThrow(() -> new AssertionError("a claim to answer is not listed"));
        Instant after = Instant.now();
        Instant respondBy = filedAt.plus(48, ChronoUnit.HOURS);
        assertThat(entry.path("attention").asText()).isEqualTo("ANSWER_CLAIM");
        assertThat(Instant.parse(entry.path("dueAt").asText())).isEqualTo(respondBy);
        // Whole hours left, rounded down (never more time than remains), as of some instant during the call.
        assertThat(entry.path("hoursLeft").asLong()).isBetween(
                Math.floorDiv(Duration.between(after, respondBy).getSeconds(), 3600L),
                Math.floorDiv(Duration.between(before, respondBy).getSeconds(), 3600L));
        assertThat(entry.path("todo").path("rule").asText()).isEqualTo("R9");
        assertThat(entry.path("status").asText()).isEqualTo("CLAIM_FILED");

        sweep();
        assertThat(listed(orderId, null)).as("the sweep changes nothing to it").isPresent();

        Answers.json(functions.recordClaim(Events.JSON.createObjectNode().put("orderId", orderId)
                .put("respondedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())));
        assertThat(listed(orderId, null)).as("answered").isEmpty();
    }

    /**
     * A case as the previous version stored it: no to-do index attributes, its due-index entry under the shards of
     * then, a claim without its instant or deadline. The item is the one this version wrote, with that taken out.
     */
    private static void storeAsBeforeTheToDoList(String orderId) {
        Map<String, AttributeValue> item = new HashMap<>(StoredCase.of(orderId).item());
        item.remove(CaseTable.Index.TODO.shardAttribute());
        item.remove(CaseTable.Index.TODO.dayAttribute());
        item.put(CaseTable.DUE_SHARD, AttributeValue.fromS("due-" + Math.floorMod(orderId.hashCode(), CaseTable.SHARDS)));
        AttributeValue claim = item.get("claim");
        if (claim != null) {
            Map<String, AttributeValue> old = new HashMap<>(claim.m());
            old.remove("respondBy");
            old.remove("filedAt");
            item.put("claim", AttributeValue.fromM(old));
        }
        Table.client().putItem(b -> b.tableName(Table.NAME).item(item));
    }

    @Test
    void aCaseStoredBeforeTheToDoListReadsAndJoinsTheListAtTheNextSweepWithNoMigrationStep() {
        String waiting = Events.newOrderId();
        Fixtures.openRecentCase(functions, waiting, 20);
        sweep();
        // Its window opening is handled: it is due for the sweep again only after its claim deadline, months away.
        storeAsBeforeTheToDoList(waiting);
        String claimed = Events.newOrderId();
        Fixtures.openRecentCase(functions, claimed, 20);
        Answers.json(functions.recordClaim(Events.JSON.createObjectNode().put("orderId", claimed)
                .put("filedOn", TODAY.minusDays(1).toString())));
        storeAsBeforeTheToDoList(claimed);

        JsonNode read = Lambda.ok(Events.JSON.createObjectNode().put("orderId", claimed)).path("caseView");
        assertThat(read.path("status").asText()).isEqualTo("CLAIM_FILED");
        // A claim known by its day counts from the start of that day in Paris.
        Instant respondBy = TODAY.minusDays(1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().plus(48, ChronoUnit.HOURS);
        assertThat(Instant.parse(read.path("claim").path("respondBy").asText())).isEqualTo(respondBy);
        assertThat(read.path("claim").has("filedAt")).isFalse();
        long versionBefore = StoredCase.of(waiting).version();
        var eventsBefore = StoredCase.of(waiting).events();

        sweep();

        assertThat(listed(waiting, null)).as("adopted by the sweep").get()
                .satisfies(entry -> assertThat(entry.path("attention").asText()).isEqualTo("ANSWER_BUYER"));
        assertThat(listed(claimed, null)).get().satisfies(entry -> {
            assertThat(entry.path("attention").asText()).isEqualTo("ANSWER_CLAIM");
            assertThat(Instant.parse(entry.path("dueAt").asText())).isEqualTo(respondBy);
        });
        StoredCase adopted = StoredCase.of(waiting);
        assertThat(adopted.events()).as("adopting a case records nothing in its history").isEqualTo(eventsBefore);
        assertThat(adopted.version()).isEqualTo(versionBefore + 1);
        assertThat(adopted.attribute(CaseTable.DUE_SHARD)).isEqualTo(CaseTable.shardOf(waiting)).doesNotStartWith("due-");

        long adoptedVersion = adopted.version();
        sweep();
        assertThat(StoredCase.of(waiting).version()).as("adopted once").isEqualTo(adoptedVersion);
    }
}
