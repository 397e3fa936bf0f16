package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.testing.DynamoDbCalls;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * caseDesk, exported and driven through the Lambda mock event server against the local engine: one case in one
 * GetItem, and the to-do list from the to-do index, one Query per shard per page at most, paged by an opaque token,
 * most urgent first within a page. The list's cases were ordered over the last month in three marketplaces, each
 * reported today: most are to answer the buyer (R1); every fifth has a claim filed yesterday, to answer by the start of
 * tomorrow (R9); every fifth but one was refunded today, so needs nothing until its window opens, if it has not yet
 * (R6). The other functions are called as Java to prepare them.
 */
@QuarkusTest
@TestProfile(FunctionProfile.CaseDesk.class)
class CaseDeskFunctionTest {

    static final int CASES = 25;
    private static final List<String> MARKETPLACES = List.of("FR", "DE", "US");

    @Inject
    ClaimFunctions functions;

    /** What the test made of each case of the list: what it needs from the seller, from which day. */
    record Made(String orderId, Marketplace marketplace, String kind, LocalDate listedFrom, LocalDate dueOn) {
        boolean listedOn(LocalDate day) {
            return kind != null && !listedFrom.isAfter(day);
        }
    }

    private static final List<Made> MADE = new ArrayList<>();

    @BeforeAll
    static void nothingMadeYet() {
        MADE.clear();
    }

    /**
     * Case {@code i}: ordered {@code 30 - i} days ago in its marketplace, due 5 days later, so its window opens
     * {@code 22 - i} days ago (3 days after the due day, R6), in the future for the last two.
     */
    private void prepare() {
        if (!MADE.isEmpty()) {
            return;
        }
        for (int i = 0; i < CASES; i++) {
            String orderId = Events.newOrderId();
            Marketplace marketplace = Marketplace.valueOf(MARKETPLACES.get(i % MARKETPLACES.size()));
            LocalDate today = marketplace.dateOf(Instant.now());
            LocalDate ordered = today.minusDays(30 - i);
            LocalDate opens = ordered.plusDays(8);
            ObjectNode event = Events.evaluate(orderId).put("marketplace", marketplace.name())
                    .put("currency", marketplace.currency().getCurrencyCode())
                    .put("orderDate", ordered.toString()).put("maxDeliveryDate", ordered.plusDays(5).toString())
                    .put("reportedOn", today.toString());
            event.remove("asOf");
            if (i % 5 == 4) {
                event.putObject("claim").put("filedOn", today.minusDays(1).toString());
                Answers.json(functions.evaluateClaim(event));
                // Filed on a day only: from the start of that day, 48 hours (R9).
                MADE.add(new Made(orderId, marketplace, "ANSWER_CLAIM", today, today.plusDays(1)));
            } else if (i % 5 == 3) {
                Answers.json(functions.evaluateClaim(event));
                Answers.json(functions.recordRefund(Events.refund(orderId).put("refundId", "r-" + i)
                        .put("currency", marketplace.currency().getCurrencyCode()).put("refundedOn", today.toString())));
                MADE.add(opens.isAfter(today) ? new Made(orderId, marketplace, "CLAIM_WINDOW_OPENED", opens, opens)
                        : new Made(orderId, marketplace, null, null, null));
            } else {
                Answers.json(functions.evaluateClaim(event));
                // Reported today: answering the buyer comes first, whether the window opened before or opens later.
                MADE.add(new Made(orderId, marketplace, "ANSWER_BUYER", today, today));
            }
        }
    }

    /** The cases made for the list that need the seller on {@code day} (null: each on its own today), and of {@code marketplace}. */
    private static List<String> expected(LocalDate day, String marketplace) {
        return MADE.stream().filter(m -> m.listedOn(day != null ? day : m.marketplace().dateOf(Instant.now())))
                .filter(m -> marketplace == null || m.marketplace().name().equals(marketplace)).map(Made::orderId).toList();
    }

    /** Only the cases this class made for the list (other tests of the class open cases too). */
    private static List<JsonNode> ours(List<JsonNode> cases) {
        List<String> made = MADE.stream().map(Made::orderId).toList();
        return cases.stream().filter(c -> made.contains(c.path("orderId").asText())).toList();
    }

    private static Made made(JsonNode entry) {
        return MADE.stream().filter(m -> m.orderId().equals(entry.path("orderId").asText())).findFirst().orElseThrow();
    }

    private static JsonNode list(Consumer<ObjectNode> query) {
        ObjectNode json = Events.JSON.createObjectNode();
        query.accept(json);
        return Lambda.ok(json);
    }

    /** Every page of a listing: the cases, and the DynamoDB calls of each page. */
    private record Listing(List<JsonNode> cases, List<List<String>> callsPerPage, List<Integer> pageSizes, List<List<JsonNode>> pages) {
    }

    private static Listing all(Consumer<ObjectNode> query) {
        List<JsonNode> cases = new ArrayList<>();
        List<List<String>> calls = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<List<JsonNode>> pages = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            DynamoDbCalls.reset();
            JsonNode page = list(q -> {
                query.accept(q);
                if (token != null) {
                    q.put("next", token);
                }
            });
            calls.add(DynamoDbCalls.calls());
            sizes.add(page.path("cases").size());
            List<JsonNode> onPage = new ArrayList<>();
            page.path("cases").forEach(onPage::add);
            cases.addAll(onPage);
            pages.add(onPage);
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (next != null);
        return new Listing(cases, calls, sizes, pages);
    }

    @Test
    void oneCaseWithItsFullHistoryAndTimelineTakesOneGetItem() {
        String orderId = Events.newOrderId();
        Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        Answers.json(functions.recordRefund(Events.refund(orderId)));
        Answers.json(functions.flagLateArrival(Events.arrival(orderId)));

        DynamoDbCalls.reset();
        JsonNode answer = Lambda.ok(Events.JSON.createObjectNode().put("orderId", orderId));

        assertThat(DynamoDbCalls.calls()).containsExactly("GetItem");
        JsonNode view = answer.path("caseView");
        assertThat(view.path("orderId").asText()).isEqualTo(orderId);
        assertThat(view.path("status").asText()).isEqualTo("LATE_ARRIVAL_FLAGGED");
        assertThat(view.path("history").findValuesAsText("event"))
                .containsExactly("CASE_OPENED", "REFUND_RECORDED", "ARRIVAL_REPORTED");
        assertThat(view.path("history").get(0).path("says").get(0).path("text").asText()).as("in the case's language").startsWith("Dossier ouvert");
        assertThat(view.path("history").get(0).path("says").get(0).path("rule").asText()).isEqualTo("R1");
        assertThat(answer.path("timeline").findValuesAsText("what")).containsExactly("ORDERED", "MAX_DELIVERY",
                "CLAIM_WINDOW_OPENS", "REFUND", "ARRIVAL", "CLAIM_DEADLINE");
        assertThat(answer.path("timeline").findValuesAsText("on")).containsExactly("2026-03-01", "2026-03-10", "2026-03-13",
                "2026-03-15", "2026-03-20", "2026-06-08");
        JsonNode refund = answer.path("timeline").get(3);
        assertThat(refund.path("refundId").asText()).isEqualTo("rf-0001");
        assertThat(refund.path("amount").asText()).isEqualTo("20.00");
        assertThat(refund.path("rules").toString()).isEqualTo("[\"R3\"]");
        assertThat(answer.path("timeline").get(4).path("source").asText()).isEqualTo("CARRIER");

        JsonNode english = Lambda.ok(Events.JSON.createObjectNode().put("orderId", orderId).put("language", "en"));
        assertThat(english.path("caseView").path("history").get(0).path("says").get(0).path("text").asText()).startsWith("Case opened");
        assertThat(answer.has("cases")).isFalse();
    }

    @Test
    void anUnknownOrderIsRefusedWith404() {
        JsonNode refusal = Lambda.refusal(Events.JSON.createObjectNode().put("orderId", Events.newOrderId())).path("refusal");
        assertThat(refusal.path("status").asInt()).isEqualTo(404);
        assertThat(refusal.path("code").asText()).isEqualTo("CASE_NOT_FOUND");
        assertThat(refusal.path("field").asText()).isEqualTo("orderId");
    }

    @Test
    void theToDoListHoldsEveryCaseThatNeedsTheSellerOnceMostUrgentFirstWithAtMostOneQueryPerShardPerPage() {
        prepare();
        Listing listing = all(q -> q.put("limit", 7));

        List<JsonNode> cases = ours(listing.cases());
        assertThat(cases).extracting(c -> c.path("orderId").asText()).containsExactlyInAnyOrderElementsOf(expected(null, null));
        assertThat(listing.pageSizes()).allSatisfy(size -> assertThat(size).isBetween(0, 7));
        assertThat(listing.callsPerPage()).allSatisfy(calls -> {
            assertThat(calls).as("never a Scan, never a GetItem").containsOnly("Query");
            assertThat(calls.size()).as("one Query per shard at most").isLessThanOrEqualTo(CaseTable.SHARDS);
        });
        // The budget, as bench/README.md reports it.
        System.out.printf("caseDesk budget: %d cases to do, limit 7: %d page(s) of %s case(s), Queries per page %s%n",
                listing.cases().size(), listing.pageSizes().size(), listing.pageSizes(), listing.callsPerPage().stream().map(List::size).toList());
        assertThat(listing.callsPerPage().stream().flatMap(List::stream)).allSatisfy(op ->
                assertThat(CaseTable.ACTIONS_BY_FUNCTION.get(CaseTable.CASE_DESK)).contains("dynamodb:" + op));
        for (List<JsonNode> page : listing.pages()) {
            // Most urgent first: the days of deadlines in different zones keep the order of their instants.
            assertThat(page).extracting(c -> c.path("dueOn").asText()).as("a page, most urgent first").isSorted();
        }
        for (JsonNode entry : cases) {
            Made made = made(entry);
            assertThat(entry.path("attention").asText()).as(made.toString()).isEqualTo(made.kind());
            assertThat(entry.path("dueOn").asText()).as(made.toString()).isEqualTo(made.dueOn().toString());
            assertThat(entry.path("marketplace").asText()).isEqualTo(made.marketplace().name());
            assertThat(entry.path("todo").path("text").asText()).isNotBlank().doesNotContain("[R").doesNotContain("{");
            assertThat(entry.path("rules").toString()).isEqualTo("[\"" + entry.path("todo").path("rule").asText() + "\"]");
        }

        JsonNode french = cases.stream().filter(c -> c.path("attention").asText().equals("ANSWER_BUYER")
                && c.path("marketplace").asText().equals("FR")).findFirst().orElseThrow();
        assertThat(french.path("todo").path("rule").asText()).isEqualTo("R1");
        assertThat(french.path("todo").path("text").asText()).as("FR: in French").startsWith("L'acheteur ");
        JsonNode german = cases.stream().filter(c -> c.path("attention").asText().equals("ANSWER_BUYER")
                && c.path("marketplace").asText().equals("DE")).findFirst().orElseThrow();
        assertThat(german.path("todo").path("text").asText()).as("DE: in German").startsWith("Der Käufer ");

        JsonNode claimed = cases.stream().filter(c -> c.path("attention").asText().equals("ANSWER_CLAIM")).findFirst().orElseThrow();
        Made claim = made(claimed);
        assertThat(claimed.path("status").asText()).isEqualTo("CLAIM_FILED");
        assertThat(claimed.path("todo").path("rule").asText()).isEqualTo("R9");
        assertThat(Instant.parse(claimed.path("dueAt").asText())).isEqualTo(claim.dueOn().atStartOfDay(claim.marketplace().zone()).toInstant());
        assertThat(claimed.path("hoursLeft").asLong()).isBetween(0L, 24L);
        assertThat(claimed.path("todo").path("text").asText()).contains(String.valueOf(claim.dueOn().minusDays(2).getDayOfMonth()));

        JsonNode english = ours(all(q -> q.put("limit", 100).put("language", "en")).cases()).stream()
                .filter(c -> c.path("orderId").asText().equals(german.path("orderId").asText())).findFirst().orElseThrow();
        assertThat(english.path("todo").path("text").asText()).as("in the language asked for")
                .startsWith("The buyer reports the order as not received");
    }

    @Test
    void theListCanBeFilteredByMarketplaceStatusAndDay() {
        prepare();
        assertThat(ours(all(q -> q.put("marketplace", "DE")).cases())).extracting(c -> c.path("orderId").asText())
                .containsExactlyInAnyOrderElementsOf(expected(null, "DE"));
        assertThat(ours(all(q -> q.put("status", "CLAIM_FILED").put("limit", 2)).cases())).extracting(c -> c.path("orderId").asText())
                .containsExactlyInAnyOrderElementsOf(MADE.stream().filter(m -> "ANSWER_CLAIM".equals(m.kind())).map(Made::orderId).toList());
        LocalDate inAWeek = Events.todayInParis().plusDays(7);
        List<String> coming = expected(inAWeek, null);
        assertThat(ours(all(q -> q.put("attention", inAWeek.toString())).cases())).extracting(c -> c.path("orderId").asText())
                .as("what is coming: a refunded case whose window opens meanwhile joins").containsExactlyInAnyOrderElementsOf(coming)
                .hasSizeGreaterThan(expected(null, null).size());
        Made opensLater = MADE.stream().filter(m -> "CLAIM_WINDOW_OPENED".equals(m.kind())).findFirst().orElseThrow();
        assertThat(ours(all(q -> q.put("attention", inAWeek.toString())).cases())).filteredOn(c -> c.path("orderId").asText()
                .equals(opensLater.orderId())).singleElement().satisfies(c -> {
                    assertThat(c.path("todo").path("rule").asText()).isEqualTo("R6");
                    assertThat(c.path("dueOn").asText()).isEqualTo(opensLater.dueOn().toString());
                });
        LocalDate yesterday = Events.todayInParis().minusDays(1);
        assertThat(ours(all(q -> q.put("attention", yesterday.toString())).cases())).as("listed from the day of the report only")
                .isEmpty();
        assertThat(ours(all(q -> q.put("status", "CLOSED")).cases())).isEmpty();
    }

    @Test
    void aChangedCutOrForeignPageTokenIsRefusedWith400() {
        prepare();
        String day = Events.todayInParis().plusDays(7).toString();
        JsonNode page = list(q -> q.put("attention", day).put("limit", 3));
        String next = page.path("next").asText();
        assertThat(next).isNotEmpty().matches("[A-Za-z0-9_-]+");
        assertThat(page.path("cases")).hasSize(3);

        String decoded = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(decoded.replace(day, "2099-12-31")
                .getBytes(StandardCharsets.UTF_8));
        List<String> bad = List.of(edited, next.substring(0, next.length() - 4), next + "A", "bm90IGEgdG9rZW4",
                Base64.getUrlEncoder().withoutPadding().encodeToString(("1|" + day + "|x").getBytes(StandardCharsets.UTF_8)));
        for (String token : bad) {
            assertThat(Lambda.error(Events.JSON.createObjectNode().put("attention", day).put("limit", 3).put("next", token)))
                    .as(token).startsWith("[400] VALIDATION_FAILED next: ");
        }
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("attention", day).put("marketplace", "DE").put("next", next)))
                .as("a token of another listing").startsWith("[400] VALIDATION_FAILED next: ");
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("next", "not base64!")))
                .startsWith("[400] VALIDATION_FAILED next: ");
        JsonNode second = list(q -> q.put("attention", day).put("limit", 3).put("next", next));
        assertThat(second.path("cases")).isNotEmpty();
    }

    @Test
    void badListingInputIsRefusedWithItsField() {
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("limit", 101))).startsWith("[400] VALIDATION_FAILED limit: ");
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("limit", 0))).startsWith("[400] VALIDATION_FAILED limit: ");
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("limit", "10"))).startsWith("[400] VALIDATION_FAILED limit: ");
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("attention", "27/11/2026")))
                .startsWith("[400] VALIDATION_FAILED attention: ");
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("marketplace", "XX"))).startsWith("[400] VALIDATION_FAILED marketplace: ");
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("status", "SHUT"))).startsWith("[400] VALIDATION_FAILED status: ");
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("orderId", "171-1").put("status", "OPEN")))
                .startsWith("[400] VALIDATION_FAILED status: ");
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("orderId", "bad id"))).startsWith("[400] VALIDATION_FAILED orderId: ");
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("refundId", "r1"))).startsWith("[400] VALIDATION_FAILED ");
    }
}
