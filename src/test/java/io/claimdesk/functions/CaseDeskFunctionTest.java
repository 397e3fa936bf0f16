package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.testing.DynamoDbCalls;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * caseDesk, exported and driven through the Lambda mock event server against the local engine: one case in one
 * GetItem, and the attention list from the due index, one Query per shard per page at most, paged by an opaque
 * token. The cases of the list are ordered in 2024: a listing up to 2024-12-31 holds their window openings and
 * nothing else; every fifth has a claim recorded today, whose answer is due today. The other functions are called
 * as Java to prepare them.
 */
@QuarkusTest
@TestProfile(FunctionProfile.CaseDesk.class)
class CaseDeskFunctionTest {

    /** Cases ordered on 2024-01-01 + i, delivery by 5 days later: each window opens on 2024-01-09 + i. */
    static final int CASES = 25;
    static final String BY = "2024-12-31";

    @Inject
    ClaimFunctions functions;

    /** The window openings due in 2024, and the claims whose answer is due today. */
    private static final List<String> ORDERS = new ArrayList<>();
    private static final List<String> CLAIMED = new ArrayList<>();
    private static final List<String> MARKETPLACES = List.of("FR", "DE", "US");

    private static ObjectNode order(String orderId, int i) {
        String marketplace = MARKETPLACES.get(i % MARKETPLACES.size());
        LocalDate ordered = LocalDate.parse("2024-01-01").plusDays(i);
        ObjectNode event = Events.evaluate(orderId).put("marketplace", marketplace)
                .put("currency", marketplace.equals("US") ? "USD" : "EUR")
                .put("orderDate", ordered.toString()).put("maxDeliveryDate", ordered.plusDays(5).toString());
        event.remove("reportedOn");
        event.remove("asOf");
        return event;
    }

    @BeforeAll
    static void noCasesYet() {
        ORDERS.clear();
        CLAIMED.clear();
    }

    private void prepare() {
        if (!ORDERS.isEmpty()) {
            return;
        }
        for (int i = 0; i < CASES; i++) {
            String orderId = Events.newOrderId();
            ObjectNode event = order(orderId, i);
            if (i % 5 == 4) {
                event.putObject("claim").put("filedOn", LocalDate.parse("2024-01-01").plusDays(i + 20).toString());
                CLAIMED.add(orderId);
            } else {
                ORDERS.add(orderId);
            }
            Answers.json(functions.evaluateClaim(event));
        }
    }

    private static JsonNode list(Consumer<ObjectNode> query) {
        ObjectNode json = Events.JSON.createObjectNode();
        query.accept(json);
        return Lambda.ok(json);
    }

    /** Every page of a listing: the cases, and the DynamoDB calls of each page. */
    private record Listing(List<JsonNode> cases, List<List<String>> callsPerPage, List<Integer> pageSizes) {
    }

    private static Listing all(Consumer<ObjectNode> query) {
        List<JsonNode> cases = new ArrayList<>();
        List<List<String>> calls = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
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
            page.path("cases").forEach(cases::add);
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (next != null);
        return new Listing(cases, calls, sizes);
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
    void theAttentionListHoldsEveryDueCaseOnceInDueDateOrderWithAtMostOneQueryPerShardPerPage() {
        prepare();
        Listing listing = all(q -> q.put("attention", BY).put("limit", 10));

        List<String> orders = listing.cases().stream().map(c -> c.path("orderId").asText()).toList();
        assertThat(orders).containsExactlyInAnyOrderElementsOf(ORDERS);
        assertThat(listing.cases()).extracting(c -> c.path("dueOn").asText()).isSorted();
        assertThat(listing.pageSizes()).allSatisfy(size -> assertThat(size).isBetween(0, 10));
        assertThat(listing.callsPerPage()).allSatisfy(calls -> {
            assertThat(calls).as("never a Scan, never a GetItem").containsOnly("Query");
            assertThat(calls.size()).as("one Query per shard at most").isLessThanOrEqualTo(CaseTable.DUE_SHARDS);
        });
        // The budget, as bench/README.md reports it.
        System.out.printf("caseDesk budget: %d due cases, limit 10: %d page(s) of %s case(s), Queries per page %s%n",
                orders.size(), listing.pageSizes().size(), listing.pageSizes(), listing.callsPerPage().stream().map(List::size).toList());
        assertThat(listing.callsPerPage().stream().flatMap(List::stream)).allSatisfy(op ->
                assertThat(CaseTable.ACTIONS_BY_FUNCTION.get(CaseTable.CASE_DESK)).contains("dynamodb:" + op));

        JsonNode first = listing.cases().get(0);
        assertThat(first.path("orderId").asText()).isEqualTo(ORDERS.get(0));
        assertThat(first.path("dueOn").asText()).isEqualTo("2024-01-09");
        assertThat(first.path("attention").asText()).isEqualTo("CLAIM_WINDOW_OPENS");
        assertThat(first.path("todo").path("text").asText()).as("FR: in French").startsWith("La période de réclamation s'est ouverte le 9 janvier 2024");
        assertThat(first.path("todo").path("rule").asText()).isEqualTo("R6");
        assertThat(first.path("rules").toString()).isEqualTo("[\"R6\"]");
        JsonNode german = listing.cases().stream().filter(c -> c.path("marketplace").asText().equals("DE")).findFirst().orElseThrow();
        assertThat(german.path("todo").path("text").asText()).as("DE: in German").startsWith("Der Antragszeitraum hat am ").contains(". Januar 2024 begonnen");
        assertThat(listing.cases()).noneMatch(c -> CLAIMED.contains(c.path("orderId").asText()));

        List<JsonNode> today = all(q -> q.put("limit", 7)).cases();
        assertThat(today).extracting(c -> c.path("orderId").asText()).containsAll(ORDERS).containsAll(CLAIMED);
        JsonNode claimed = today.stream().filter(c -> CLAIMED.get(0).equals(c.path("orderId").asText())).findFirst().orElseThrow();
        assertThat(claimed.path("status").asText()).isEqualTo("CLAIM_FILED");
        assertThat(claimed.path("attention").asText()).isEqualTo("CLAIM_RESPONSE_DUE");
        // filed on 2024-01-25, written as the case's marketplace writes a date
        String filedOn = java.util.Map.of("FR", "25 janvier 2024", "DE", "25. Januar 2024", "US", "January 25, 2024")
                .get(claimed.path("marketplace").asText());
        assertThat(claimed.path("todo").path("rule").asText()).isEqualTo("R6");
        assertThat(claimed.path("todo").path("text").asText()).contains(filedOn).doesNotContain("[R");
    }

    @Test
    void theListCanBeFilteredByMarketplaceStatusAndDay() {
        prepare();
        assertThat(all(q -> q.put("attention", BY).put("marketplace", "DE")).cases()).as("DE: orders 1, 7, 10, 13, 16, 22")
                .hasSize(6).allSatisfy(c -> assertThat(c.path("marketplace").asText()).isEqualTo("DE"));
        assertThat(all(q -> q.put("status", "CLAIM_FILED").put("limit", 2)).cases()).extracting(c -> c.path("orderId").asText())
                .containsExactlyInAnyOrderElementsOf(CLAIMED);
        assertThat(all(q -> q.put("attention", BY).put("status", "CLAIM_FILED")).cases()).as("their answer is due today").isEmpty();
        assertThat(all(q -> q.put("attention", "2024-01-13")).cases()).extracting(c -> c.path("orderId").asText())
                .as("due on or before the day only").containsExactlyInAnyOrderElementsOf(ORDERS.subList(0, 4));
        assertThat(all(q -> q.put("status", "CLOSED")).cases()).isEmpty();
    }

    @Test
    void aChangedCutOrForeignPageTokenIsRefusedWith400() {
        prepare();
        JsonNode page = list(q -> q.put("attention", BY).put("limit", 3));
        String next = page.path("next").asText();
        assertThat(next).isNotEmpty().matches("[A-Za-z0-9_-]+");
        assertThat(page.path("cases")).hasSize(3);

        String decoded = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(decoded.replace("2024-12-31", "2025-12-31")
                .getBytes(StandardCharsets.UTF_8));
        List<String> bad = List.of(edited, next.substring(0, next.length() - 4), next + "A", "bm90IGEgdG9rZW4",
                Base64.getUrlEncoder().withoutPadding().encodeToString("1|2024-12-31|x".getBytes(StandardCharsets.UTF_8)));
        for (String token : bad) {
            assertThat(Lambda.error(Events.JSON.createObjectNode().put("attention", BY).put("limit", 3).put("next", token)))
                    .as(token).startsWith("[400] VALIDATION_FAILED next: ");
        }
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("attention", BY).put("marketplace", "DE").put("next", next)))
                .as("a token of another listing").startsWith("[400] VALIDATION_FAILED next: ");
        assertThat(Lambda.error(Events.JSON.createObjectNode().put("next", "not base64!")))
                .startsWith("[400] VALIDATION_FAILED next: ");
        JsonNode second = list(q -> q.put("attention", BY).put("limit", 3).put("next", next));
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
