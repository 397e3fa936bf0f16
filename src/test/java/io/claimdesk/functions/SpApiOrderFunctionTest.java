package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.LogCapture;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * Every SP-API order of {@code src/test/resources/spapi} through evaluateClaim's real Lambda path: each is
 * evaluated, or refused for a documented reason and then evaluated once the caller adds the missing fact;
 * and nothing of the payload but the mapped facts reaches the table, the logs or the answer.
 */
@QuarkusTest
@TestProfile(FunctionProfile.EvaluateClaim.class)
class SpApiOrderFunctionTest {

    /** The payload fields the desk maps; everything else (buyer, recipient, items, prices...) must go nowhere. */
    private static final Set<String> MAPPED = Set.of("AmazonOrderId", "MarketplaceId", "PurchaseDate", "LatestDeliveryDate",
            "FulfillmentChannel", "OrderTotal", "OrderStatus", "orderId", "salesChannel.marketplaceId", "createdTime",
            "fulfillment.fulfilledBy", "fulfillment.fulfillmentStatus", "fulfillment.deliverByWindow", "packages.carrier",
            "packages.trackingNumber", "packages.packageStatus", "payment.paymentExecutions.paymentAmount");

    record Outcome(String file, String orderId, int status, String code, String field) {
    }

    @Test
    void everySampleOrderIsEvaluatedOrRefusedForADocumentedReasonAndLeavesNoBuyerDataBehind() throws IOException {
        Map<String, JsonNode> orders = orders();
        assertThat(orders).hasSizeGreaterThanOrEqualTo(16);
        List<Outcome> outcomes = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        Set<String> evaluated = new TreeSet<>();
        try (LogCapture logs = LogCapture.start()) {
            for (Map.Entry<String, JsonNode> e : orders.entrySet()) {
                ObjectNode event = Events.JSON.createObjectNode();
                event.set("spapiOrder", e.getValue());
                JsonNode answer = answer(event, answers);
                // The caller supplies what SP-API does not give, as the refusal says.
                if (refusedOn(answer, "maxDeliveryDate")) {
                    answer = answer(event.put("maxDeliveryDate", "2026-03-10"), answers);
                }
                if (refusedOn(answer, "orderTotal")) {
                    String currency = e.getValue().path("salesChannel").path("marketplaceId").asText().equals("A1VC38T7YXB528") ? "JPY"
                            : e.getValue().path("salesChannel").path("marketplaceId").asText().equals("ATVPDKIKX0DER") ? "USD" : "GBP";
                    answer = answer(event.put("orderTotal", currency.equals("JPY") ? "1990" : "19.90").put("currency", currency), answers);
                }
                JsonNode refusal = answer.path("refusal");
                outcomes.add(new Outcome(e.getKey(), answer.path("orderId").asText(null), refusal.isMissingNode() ? 200 : refusal.path("status").asInt(),
                        refusal.path("code").asText(null), refusal.path("field").asText(null)));
                if (refusal.isMissingNode()) {
                    evaluated.add(answer.path("orderId").asText());
                }
            }
            logs.flush();

            // Each order either evaluated, or refused: not served (Brazil, Turkey), pending, or its 1970 placeholder date
            // out of range... every refusal is a 400 on the field that explains it.
            assertThat(outcomes).allSatisfy(o -> {
                if (o.status() != 200) {
                    assertThat(o.status()).as("%s", o).isEqualTo(400);
                    assertThat(o.field()).as("%s", o).isIn("spapiOrder.OrderStatus", "spapiOrder.salesChannel.marketplaceId",
                            "spapiOrder.fulfillment.fulfillmentStatus");
                }
            });
            assertThat(evaluated).contains("921-3175655-0452641", "202-1234567-8901234", "123-4567890-1234567",
                    "250-1234567-8901234", "202-7654321-1098765", "114-9876543-1234567", "902-1845936-5435065", "902-8745147-1934268");

            Set<String> secrets = unmappedStrings(orders.values());
            assertThat(secrets).as("the samples carry buyer data to look for").anyMatch(text -> text.contains("@"));
            String stored = evaluated.stream().map(id -> StoredCase.of(id).item().toString()).reduce("", String::concat);
            String logged = logs.lines().stream().map(LogCapture.Line::text).reduce("", String::concat);
            String answered = String.join("\n", answers);
            for (String secret : secrets) {
                // As a whole token: "123456" (a postal code) is not leaked by order id 250-1234567-8901234.
                java.util.regex.Pattern token = java.util.regex.Pattern.compile(
                        "(?<![A-Za-z0-9])" + java.util.regex.Pattern.quote(secret) + "(?![A-Za-z0-9])");
                assertThat(token.matcher(stored).find()).as("table items hold %s", secret).isFalse();
                assertThat(token.matcher(logged).find()).as("log lines hold %s", secret).isFalse();
                assertThat(token.matcher(answered).find()).as("answers hold %s", secret).isFalse();
            }
        }
    }

    @Test
    void theReadmeSampleEventsOfBothShapesAreEvaluated() {
        JsonNode v0 = Lambda.ok(Events.load("evaluate-spapi-v0.json"));
        assertThat(v0.path("orderId").asText()).isEqualTo("921-3175655-0452641");
        assertThat(v0.path("language").asText()).isEqualTo("en");
        // An order fulfilled by Amazon (AFN): Amazon's returns process, no seller refund (R4).
        assertThat(v0.path("options").findValuesAsText("kind")).contains("FBA_PROCESS").doesNotContain("REFUND");

        JsonNode v2026 = Lambda.ok(Events.load("evaluate-spapi-v2026.json"));
        assertThat(v2026.path("orderId").asText()).isEqualTo("202-1234567-8901234");
        assertThat(v2026.path("caseView").path("orderTotal").asText()).isEqualTo("103.97");
        assertThat(v2026.path("caseView").path("currency").asText()).isEqualTo("GBP");
        // The deliverByWindow's latest time, 2024-12-30T23:59:59Z, is 30 December in London: the window opens 3 days later.
        assertThat(v2026.path("claimWindow").path("opensOn").asText()).isEqualTo("2025-01-02");
    }

    private static JsonNode answer(ObjectNode event, List<String> answers) {
        io.restassured.response.Response r = Lambda.invoke(event);
        assertThat(r.statusCode()).as("the invocation itself succeeds").isEqualTo(200);
        answers.add(r.asString());
        try {
            return Events.JSON.readTree(r.asString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean refusedOn(JsonNode answer, String field) {
        return field.equals(answer.path("refusal").path("field").asText(null));
    }

    /** Each order of each sample file (lists split), its 1970 sandbox placeholder dates moved to 2026. */
    private static Map<String, JsonNode> orders() throws IOException {
        Map<String, JsonNode> orders = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/spapi"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("v(0|2026)-.*\\.json")).sorted().toList()) {
                JsonNode json = Events.JSON.readTree(Files.readString(file));
                List<JsonNode> found = new ArrayList<>();
                JsonNode payload = json.has("payload") ? json.get("payload") : json;
                if (payload.has("Orders")) {
                    payload.get("Orders").forEach(found::add);
                } else if (payload.has("AmazonOrderId")) {
                    found.add(payload);
                } else if (json.has("orders")) {
                    json.get("orders").forEach(found::add);
                } else if (json.has("order")) {
                    found.add(json.get("order"));
                }
                for (int i = 0; i < found.size(); i++) {
                    orders.put(file.getFileName() + "#" + i, withRealDates(found.get(i).deepCopy()));
                }
            }
        }
        return orders;
    }

    private static JsonNode withRealDates(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            List<String> placeholders = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getValue().isTextual() && f.getValue().asText().startsWith("1970-")) {
                    placeholders.add(f.getKey());
                } else {
                    withRealDates(f.getValue());
                }
            }
            for (String key : placeholders) {
                o.put(key, key.equals("PurchaseDate") ? "2026-03-01T10:00:00Z" : key.equals("LatestDeliveryDate") ? "2026-03-10T20:00:00Z"
                        : "2026-03-05T10:00:00Z");
            }
        } else if (node.isArray()) {
            node.forEach(SpApiOrderFunctionTest::withRealDates);
        }
        return node;
    }

    /**
     * Every text of six characters or more outside the mapped fields (names, e-mails, addresses, items, notes),
     * less the texts a mapped field also holds (an item price equal to the order total is the total).
     */
    private static Set<String> unmappedStrings(Iterable<JsonNode> orders) {
        Set<String> unmapped = new TreeSet<>();
        Set<String> mapped = new TreeSet<>();
        for (JsonNode order : orders) {
            collect(order, "", false, unmapped, mapped);
        }
        unmapped.removeAll(mapped);
        // A bare calendar date or an upper-case code (MARKETPLACE, SHIPPED) is no buyer's data, and the desk
        // writes its own dates (deadline, due day) and codes.
        unmapped.removeIf(text -> text.matches("\\d{4}-\\d{2}-\\d{2}|[A-Z][A-Z0-9_]+"));
        return unmapped;
    }

    /** {@code path} names object keys from the order down, without list indices ("packages.carrier"). */
    private static void collect(JsonNode node, String path, boolean inMapped, Set<String> unmapped, Set<String> mapped) {
        boolean isMapped = inMapped || MAPPED.contains(path);
        if (node.isTextual() && node.asText().length() >= 6) {
            (isMapped ? mapped : unmapped).add(node.asText());
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(),
                    isMapped, unmapped, mapped));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, path, isMapped, unmapped, mapped));
        }
    }
}
