package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Refusal;
import io.claimdesk.policy.RefusalCode;
import io.claimdesk.functions.SpApiOrder.Mapped;
import io.claimdesk.functions.SpApiOrder.Shipment;

/**
 * {@link SpApiOrder} against Amazon's own example and sandbox orders (src/test/resources/spapi, see its README).
 * The expected facts below were written from reading the JSON files, not from the mapper's output.
 */
class SpApiOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIR = "spapi/";

    /** What one order should give: facts, or a refusal on a field whose message contains some words. */
    private record Expected(Mapped facts, String refusedField, List<String> messageHas) {
        static Expected maps(Mapped facts) {
            return new Expected(facts, null, List.of());
        }

        static Expected refused(String field, String... messageHas) {
            return new Expected(null, field, List.of(messageHas));
        }
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private static final Expected PENDING = Expected.refused("spapiOrder.OrderStatus", "Pending", "no delivery window");
    private static final Expected DATE_1970 = Expected.refused("spapiOrder.PurchaseDate",
            "1970-01-19T03:58:30Z", "outside the dates accepted", "2000-01-01");

    /** Every order of every order file, in file order (getOrders / searchOrders lists element by element). */
    private static final Map<String, List<Expected>> EXPECTED = new LinkedHashMap<>();

    static {
        // v0 getOrder example: MFN US, Pending, no OrderTotal.
        EXPECTED.put("v0-getOrder-200-example.json", List.of(PENDING));
        // v0 getOrder sandbox: Unshipped MFN US, USD 11.01, but the sandbox's placeholder dates are in 1970.
        EXPECTED.put("v0-getOrder-200-sandbox0-TEST_CASE_200.json", List.of(DATE_1970));
        // v0 getOrder sandbox: AFN Amazon.de, Shipped, EUR 100.00, milliseconds in PurchaseDate.
        EXPECTED.put("v0-getOrder-200-sandbox1-TEST_CASE_IBA_200.json", List.of(Expected.maps(new Mapped(
                "921-3175655-0452641", Marketplace.DE, at("2019-05-07T15:42:57.058Z"), at("2019-05-12T21:59:59Z"),
                Fulfilment.MARKETPLACE, "100.00", "EUR", null, "SHIPPED"))));
        EXPECTED.put("v0-getOrders-200-example.json", List.of(PENDING));
        EXPECTED.put("v0-getOrders-200-sandbox0-TEST_CASE_200.json", List.of(DATE_1970, DATE_1970));
        EXPECTED.put("v0-getOrders-200-sandbox1-TEST_CASE_200_NEXT_TOKEN.json", List.of(PENDING));
        EXPECTED.put("v0-getOrders-200-sandbox2-TEST_CASE_200_NEXT_TOKEN_NextToken.json", List.of(PENDING));
        // v2026 getOrder example: MERCHANT UK, SHIPPED, deliverByWindow to 2024-12-30T23:59:59Z, Royal Mail in transit;
        // no payment dataset, so no buyer total (proceeds.grandTotal 103.97 is the seller's).
        EXPECTED.put("v2026-getOrder-200-example.json", List.of(Expected.maps(new Mapped(
                "202-1234567-8901234", Marketplace.UK, at("2024-12-25T09:15:00Z"), at("2024-12-30T23:59:59Z"),
                Fulfilment.SELLER, null, null, new Shipment("Royal Mail", true, CarrierStatus.IN_TRANSIT, "RR123456789GB"), "SHIPPED"))));
        EXPECTED.put("v2026-getOrder-200-sandbox0-171-9876543-2109876-com.br.json", List.of(Expected.refused(
                "spapiOrder.salesChannel.marketplaceId", "marketplace id A2Q3Y263D00KWC is not served", "UK A1F83G8C2ARO7P")));
        EXPECTED.put("v2026-getOrder-200-sandbox1-028-1234567-8901234-com.tr.json", List.of(Expected.refused(
                "spapiOrder.salesChannel.marketplaceId", "marketplace id A33AVAJ2PDY3EV is not served")));
        // v2026 getOrder sandbox: US in-store pickup, UNSHIPPED, no deliverByWindow, no package, no payment.
        EXPECTED.put("v2026-getOrder-200-sandbox2-114-9876543-1234567-com.json", List.of(Expected.maps(new Mapped(
                "114-9876543-1234567", Marketplace.US, at("2025-03-10T14:00:00Z"), null,
                Fulfilment.SELLER, null, null, null, "UNSHIPPED"))));
        // v2026 searchOrders example: MERCHANT US, SHIPPED, UPS package DELIVERED with a tracking number.
        EXPECTED.put("v2026-searchOrders-200-example.json", List.of(Expected.maps(new Mapped(
                "123-4567890-1234567", Marketplace.US, at("2024-12-25T10:30:00Z"), at("2024-12-30T23:59:59Z"),
                Fulfilment.SELLER, null, null, new Shipment("UPS", true, CarrierStatus.DELIVERED, "1Z999AA1234567890"), "SHIPPED"))));
        // v2026 searchOrders sandbox: FBA JP, SHIPPED, no deliverByWindow, no package; grandTotal JPY 19940 not read.
        EXPECTED.put("v2026-searchOrders-200-sandbox0-250-1234567-8901234-co.jp.json", List.of(Expected.maps(new Mapped(
                "250-1234567-8901234", Marketplace.JP, at("2024-12-25T02:30:00Z"), null,
                Fulfilment.MARKETPLACE, null, null, null, "SHIPPED"))));
        // v2026 searchOrders sandbox: MERCHANT UK, SHIPPED, DPD package IN_TRANSIT / OUT_FOR_DELIVERY.
        EXPECTED.put("v2026-searchOrders-200-sandbox1-202-7654321-1098765-co.uk.json", List.of(Expected.maps(new Mapped(
                "202-7654321-1098765", Marketplace.UK, at("2024-12-24T14:20:00Z"), at("2024-12-28T23:59:59Z"),
                Fulfilment.SELLER, null, null, new Shipment("DPD", true, CarrierStatus.IN_TRANSIT, "15501234567890123456"), "SHIPPED"))));
        EXPECTED.put("v2026-searchOrders-200-sandbox2-171-2345678-9012345-com.br.json", List.of(Expected.refused(
                "spapiOrder.salesChannel.marketplaceId", "marketplace id A2Q3Y263D00KWC is not served")));
    }

    // ---- the sample files ----

    @Test
    void theSamplesAreTheEighteenFilesOfTheSharedSet() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(directory())) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> expected = new LinkedHashSet<>(EXPECTED.keySet());
        expected.add("README.md");
        expected.add("notification-ORDER_CHANGE-example.json");
        expected.add("notification-SHIPMENT_TRACKING_MILESTONE_CHANGED-example.json");
        assertThat(files).hasSize(18).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> sampleOrders() {
        List<Arguments> all = new ArrayList<>();
        EXPECTED.forEach((file, expected) -> {
            List<JsonNode> orders = ordersIn(read(file));
            assertThat(orders).as(file).hasSameSizeAs(expected);
            for (int i = 0; i < orders.size(); i++) {
                all.add(Arguments.of(file, i, orders.get(i), expected.get(i)));
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("sampleOrders")
    void mapsOrRefusesEverySampleOrder(String file, int index, JsonNode order, Expected expected) {
        if (expected.facts() != null) {
            assertThat(SpApiOrder.map(order)).isEqualTo(expected.facts());
        } else {
            Refusal r = refusal(order);
            assertThat(r.field()).isEqualTo(expected.refusedField());
            assertThat(r.getMessage()).contains(expected.messageHas());
        }
    }

    @Test
    void sixteenOrdersInFifteenOrderFiles() {
        assertThat(EXPECTED).hasSize(15);
        assertThat(sampleOrders()).hasSize(16);
        assertThat(EXPECTED.values().stream().flatMap(List::stream).filter(e -> e.facts() != null)).hasSize(6);
    }

    /** The record and any refusal message carry nothing found under a buyer, recipient, address, name or e-mail key. */
    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("sampleOrders")
    void nothingPersonalReachesTheFactsOrARefusal(String file, int index, JsonNode order, Expected expected) {
        Set<String> personal = personalStrings(order);
        String text;
        try {
            text = SpApiOrder.map(order).toString();
        } catch (Refusal r) {
            text = r.field() + " " + r.getMessage();
        }
        for (String value : personal) {
            assertThat(text).as("%s #%d leaks a personal value", file, index).doesNotContain(value);
        }
    }

    @Test
    void thePersonalDataCheckFindsTheBuyerAndTheAddress() {
        Set<String> personal = personalStrings(ordersIn(read("v2026-getOrder-200-example.json")).get(0));
        assertThat(personal).contains("James Wilson", "buyer-email@marketplace.amazon.co.uk", "123 High Street",
                "M1 2AB", "+44 161 123 4567", "Wilson Electronics Ltd", "TechGear UK Warehouse",
                "Happy Christmas! Hope you enjoy your new smart speakers.");
        Set<String> v0 = personalStrings(ordersIn(read("v0-getOrder-200-example.json")).get(0));
        assertThat(v0).contains("John Doe", "user@example.com", "1 Cross St.", "Canton", "A Company Name");
    }

    // ---- shapes ----

    @Test
    void tellsTheTwoShapesApartByTheirKeys() {
        assertThat(SpApiOrder.map(v0()).orderId()).isEqualTo("902-1845936-5435065");
        assertThat(SpApiOrder.map(ukV2026()).orderId()).isEqualTo("202-1234567-8901234");
    }

    static Stream<JsonNode> notAnOrder() {
        ObjectNode mixed = v0();
        mixed.put("orderId", "202-1234567-8901234");
        return Stream.of(
                JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.arrayNode(),
                JsonNodeFactory.instance.textNode("902-3159896-1390916"),
                JsonNodeFactory.instance.nullNode(),
                read("v0-getOrder-200-sandbox1-TEST_CASE_IBA_200.json"),  // the whole getOrder response
                read("v2026-getOrder-200-example.json"),
                read("v2026-searchOrders-200-example.json"),
                read("notification-ORDER_CHANGE-example.json"),           // not an order: its facts are under Payload
                mixed);
    }

    @ParameterizedTest
    @MethodSource("notAnOrder")
    void refusesWhatIsNeitherShape(JsonNode json) {
        Refusal r = refusal(json);
        assertThat(r.field()).isEqualTo("spapiOrder");
        assertThat(r.getMessage()).startsWith("neither an Orders API v0 order").contains("nor a v2026-01-01 order");
    }

    @Test
    void refusesNull() {
        assertThat(refusal(null).field()).isEqualTo("spapiOrder");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        ObjectNode v2026 = ukV2026();
        v2026.putObject("someFieldAmazonAddsLater").put("value", "anything");
        ((ObjectNode) v2026.get("fulfillment")).put("newFulfillmentField", 3);
        ObjectNode v0 = v0();
        v0.put("SomeNewV0Field", true);
        assertThat(SpApiOrder.map(v2026)).isEqualTo(SpApiOrder.map(ukV2026()));
        assertThat(SpApiOrder.map(v0)).isEqualTo(SpApiOrder.map(v0()));
    }

    // ---- fulfilment ----

    @Test
    void afnAndAmazonAreFulfilledByTheMarketplaceMfnAndMerchantByTheSeller() {
        ObjectNode afn = v0();
        afn.put("FulfillmentChannel", "AFN");
        assertThat(SpApiOrder.map(afn).fulfilment()).isEqualTo(Fulfilment.MARKETPLACE);
        assertThat(SpApiOrder.map(v0()).fulfilment()).isEqualTo(Fulfilment.SELLER);
        ObjectNode amazon = ukV2026();
        ((ObjectNode) amazon.get("fulfillment")).put("fulfilledBy", "AMAZON");
        assertThat(SpApiOrder.map(amazon).fulfilment()).isEqualTo(Fulfilment.MARKETPLACE);
        assertThat(SpApiOrder.map(ukV2026()).fulfilment()).isEqualTo(Fulfilment.SELLER);
    }

    @Test
    void refusesAnUnknownOrMissingFulfilmentChannel() {
        ObjectNode v0 = v0();
        v0.put("FulfillmentChannel", "Fulfilled by John Doe");
        Refusal r = refusal(v0);
        assertThat(r.field()).isEqualTo("spapiOrder.FulfillmentChannel");
        assertThat(r.getMessage()).contains("AFN", "MFN").doesNotContain("John Doe");
        ObjectNode v2026 = ukV2026();
        ((ObjectNode) v2026.get("fulfillment")).remove("fulfilledBy");
        assertThat(refusal(v2026).field()).isEqualTo("spapiOrder.fulfillment.fulfilledBy");
        ObjectNode noFulfillment = ukV2026();
        noFulfillment.remove("fulfillment");
        Refusal missing = refusal(noFulfillment);
        assertThat(missing.field()).isEqualTo("spapiOrder.fulfillment.fulfillmentStatus");
        assertThat(missing.getMessage()).contains("includedData FULFILLMENT");
    }

    // ---- totals ----

    @Test
    void v0TotalIsOrderTotalAtTheCurrencysScale() {
        Mapped m = SpApiOrder.map(v0());
        assertThat(m.orderTotal()).isEqualTo("11.01");
        assertThat(m.currency()).isEqualTo("USD");
        ObjectNode noTotal = v0();
        noTotal.remove("OrderTotal");
        assertThat(SpApiOrder.map(noTotal).orderTotal()).isNull();
        assertThat(SpApiOrder.map(noTotal).currency()).isNull();
        ObjectNode oneDecimal = v0();
        ((ObjectNode) oneDecimal.get("OrderTotal")).put("Amount", "59.9");
        assertThat(SpApiOrder.map(oneDecimal).orderTotal()).isEqualTo("59.90");
    }

    @Test
    void keepsEveryDigitOfTheAmount() {
        ObjectNode big = v0();
        ((ObjectNode) big.get("OrderTotal")).put("Amount", "123456789012.34");
        assertThat(SpApiOrder.map(big).orderTotal()).isEqualTo("123456789012.34");
        ObjectNode paid = withPayment(ukV2026(), "GBP", "0.10", "0.20");
        assertThat(SpApiOrder.map(paid).orderTotal()).isEqualTo("0.30");
    }

    /**
     * The buyer's total in v2026 is the sum of payment.paymentExecutions[].paymentAmount; proceeds.grandTotal
     * ("The total amount that the seller receives from the sale of the order.") is never taken for it.
     */
    @Test
    void v2026TotalIsWhatTheBuyerPaidNotTheSellersProceeds() {
        ObjectNode order = ukV2026();
        assertThat(order.at("/proceeds/grandTotal/amount").asText()).isEqualTo("103.97");
        Mapped withoutPayment = SpApiOrder.map(order);
        assertThat(withoutPayment.orderTotal()).isNull();
        assertThat(withoutPayment.currency()).isNull();

        Mapped split = SpApiOrder.map(withPayment(ukV2026(), "GBP", "100.00", "8.97"));
        assertThat(split.orderTotal()).isEqualTo("108.97");
        assertThat(split.currency()).isEqualTo("GBP");

        ObjectNode noProceeds = withPayment(ukV2026(), "GBP", "12.5");
        noProceeds.remove("proceeds");
        assertThat(SpApiOrder.map(noProceeds).orderTotal()).isEqualTo("12.50");
    }

    @Test
    void anExecutionWithoutAnAmountLeavesTheTotalUnknown() {
        ObjectNode order = withPayment(ukV2026(), "GBP", "100.00");
        ((ArrayNode) order.at("/payment/paymentExecutions")).addObject().put("paymentMethod", "GC");
        assertThat(SpApiOrder.map(order).orderTotal()).isNull();
        ObjectNode empty = ukV2026();
        empty.putObject("payment").putArray("paymentExecutions");
        assertThat(SpApiOrder.map(empty).orderTotal()).isNull();
    }

    @Test
    void yenTotalsHaveNoDecimals() {
        ObjectNode jp = searchOrder("v2026-searchOrders-200-sandbox0-250-1234567-8901234-co.jp.json");
        assertThat(jp.at("/proceeds/grandTotal/amount").asText()).isEqualTo("19940");
        assertThat(SpApiOrder.map(jp).orderTotal()).isNull();
        Mapped paid = SpApiOrder.map(withPayment(jp.deepCopy(), "JPY", "19940"));
        assertThat(paid.orderTotal()).isEqualTo("19940");
        assertThat(paid.currency()).isEqualTo("JPY");
        assertThat(SpApiOrder.map(withPayment(jp.deepCopy(), "JPY", "19940.00")).orderTotal()).isEqualTo("19940");

        Refusal r = refusal(withPayment(jp.deepCopy(), "JPY", "19940.5"));
        assertThat(r.field()).isEqualTo("spapiOrder.payment.paymentExecutions[0].paymentAmount.amount");
        assertThat(r.getMessage()).contains("decimals for JPY");

        ObjectNode v0 = v0();
        v0.put("MarketplaceId", "A1VC38T7YXB528");
        ((ObjectNode) v0.get("OrderTotal")).put("CurrencyCode", "JPY").put("Amount", "1980");
        assertThat(SpApiOrder.map(v0).orderTotal()).isEqualTo("1980");
        assertThat(SpApiOrder.map(v0).currency()).isEqualTo("JPY");
    }

    @Test
    void refusesAMalformedAmount() {
        ObjectNode number = v0();
        ((ObjectNode) number.get("OrderTotal")).put("Amount", 11.01);
        Refusal r = refusal(number);
        assertThat(r.field()).isEqualTo("spapiOrder.OrderTotal.Amount");
        assertThat(r.getMessage()).contains("decimal amount written as text");

        ObjectNode text = v0();
        ((ObjectNode) text.get("OrderTotal")).put("Amount", "eleven dollars, ask John Doe");
        Refusal t = refusal(text);
        assertThat(t.field()).isEqualTo("spapiOrder.OrderTotal.Amount");
        assertThat(t.getMessage()).doesNotContain("John Doe").doesNotContain("eleven");

        ObjectNode negative = v0();
        ((ObjectNode) negative.get("OrderTotal")).put("Amount", "-11.01");
        assertThat(refusal(negative).getMessage()).contains("must not be negative");

        ObjectNode tooPrecise = v0();
        ((ObjectNode) tooPrecise.get("OrderTotal")).put("Amount", "11.015");
        assertThat(refusal(tooPrecise).getMessage()).contains("11.015 has more than 2 decimals for USD");

        ObjectNode noAmount = v0();
        ((ObjectNode) noAmount.get("OrderTotal")).remove("Amount");
        assertThat(refusal(noAmount).field()).isEqualTo("spapiOrder.OrderTotal.Amount");
    }

    @Test
    void refusesATotalInAnotherCurrencyThanTheMarketplaces() {
        ObjectNode euros = v0();
        ((ObjectNode) euros.get("OrderTotal")).put("CurrencyCode", "EUR");
        Refusal r = refusal(euros);
        assertThat(r.field()).isEqualTo("spapiOrder.OrderTotal.CurrencyCode");
        assertThat(r.getMessage()).isEqualTo("currency EUR is not the currency of marketplace US (USD)");

        ObjectNode lowercase = v0();
        ((ObjectNode) lowercase.get("OrderTotal")).put("CurrencyCode", "dollars");
        Refusal l = refusal(lowercase);
        assertThat(l.field()).isEqualTo("spapiOrder.OrderTotal.CurrencyCode");
        assertThat(l.getMessage()).doesNotContain("dollars");

        ObjectNode mixed = withPayment(ukV2026(), "GBP", "1.00");
        ((ArrayNode) mixed.at("/payment/paymentExecutions")).addObject()
                .putObject("paymentAmount").put("amount", "2.00").put("currencyCode", "EUR");
        Refusal m = refusal(mixed);
        assertThat(m.field()).isEqualTo("spapiOrder.payment.paymentExecutions[1].paymentAmount.currencyCode");
        assertThat(m.getMessage()).isEqualTo("currency EUR is not the currency of marketplace UK (GBP)");
    }

    // ---- package status ----

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "DELIVERED, DELIVERED, DELIVERED",
            "DELIVERED, -, DELIVERED",
            "IN_TRANSIT, OUT_FOR_DELIVERY, IN_TRANSIT",
            "IN_TRANSIT, PICKED_UP, IN_TRANSIT",
            "IN_TRANSIT, DROPPED_OFF, IN_TRANSIT",
            "IN_TRANSIT, AT_ORIGIN_FC, IN_TRANSIT",
            "IN_TRANSIT, AT_DESTINATION_FC, IN_TRANSIT",
            "IN_TRANSIT, -, IN_TRANSIT",
            "SHIPPED, -, IN_TRANSIT",
            "IN_TRANSIT, LOST, LOST_IN_TRANSIT",
            "UNDELIVERABLE, LOST, LOST_IN_TRANSIT",
            "UNDELIVERABLE, UNDELIVERABLE, UNKNOWN",
            "UNDELIVERABLE, -, UNKNOWN",
            "IN_TRANSIT, RETURNING_TO_SELLER, UNKNOWN",
            "UNDELIVERABLE, RETURNED_TO_SELLER, UNKNOWN",
            "UNDELIVERABLE, REJECTED_BY_BUYER, UNKNOWN",
            "IN_TRANSIT, DAMAGED, UNKNOWN",
            "CANCELLED, LABEL_CANCELLED, UNKNOWN",
            "PENDING, PENDING_PICK_UP, UNKNOWN",
            "PENDING, PENDING_SCHEDULE, UNKNOWN",
            "PENDING, PENDING_DROP_OFF, UNKNOWN",
            "SOMETHING_NEW, -, UNKNOWN",
            "-, -, UNKNOWN"})
    void mapsThePackageStatus(String status, String detailed, CarrierStatus expected) {
        ObjectNode order = ukV2026();
        ObjectNode parcel = (ObjectNode) order.at("/packages/0");
        ObjectNode packageStatus = parcel.putObject("packageStatus");
        if (status != null) {
            packageStatus.put("status", status);
        }
        if (detailed != null) {
            packageStatus.put("detailedStatus", detailed);
        }
        assertThat(SpApiOrder.map(order).shipment().status()).isEqualTo(expected);
    }

    @Test
    void aPackageWithoutStatusOrTrackingIsUnknownAndUntracked() {
        ObjectNode order = ukV2026();
        ObjectNode parcel = (ObjectNode) order.at("/packages/0");
        parcel.remove("packageStatus");
        parcel.remove("trackingNumber");
        parcel.remove("carrier");
        assertThat(SpApiOrder.map(order).shipment()).isEqualTo(new Shipment(null, false, CarrierStatus.UNKNOWN, null));
        order.remove("packages");
        assertThat(SpApiOrder.map(order).shipment()).isNull();
    }

    @Test
    void withSeveralPackagesTheFirstNotDeliveredOneCounts() {
        ObjectNode order = searchOrder("v2026-searchOrders-200-example.json");  // one UPS package, DELIVERED
        ArrayNode packages = (ArrayNode) order.get("packages");
        ObjectNode second = packages.addObject();
        second.put("packageReferenceId", "PKG-2");
        second.put("carrier", "USPS");
        second.putObject("packageStatus").put("status", "IN_TRANSIT").put("detailedStatus", "LOST");
        assertThat(SpApiOrder.map(order).shipment()).isEqualTo(new Shipment("USPS", false, CarrierStatus.LOST_IN_TRANSIT, null));
        ((ObjectNode) second.get("packageStatus")).put("status", "DELIVERED").remove("detailedStatus");
        assertThat(SpApiOrder.map(order).shipment()).isEqualTo(new Shipment("UPS", true, CarrierStatus.DELIVERED, "1Z999AA1234567890"));
    }

    @Test
    void refusesACarrierThatIsNotACarrierName() {
        ObjectNode order = ukV2026();
        ((ObjectNode) order.at("/packages/0")).put("carrier", "call John Doe <john@example.com>");
        Refusal r = refusal(order);
        assertThat(r.field()).isEqualTo("spapiOrder.packages[0].carrier");
        assertThat(r.getMessage()).contains("carrier name").doesNotContain("John").doesNotContain("example.com");
    }

    // ---- marketplaces ----

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "FR, A13V1IB3VIYZZH",
            "DE, A1PA6795UKMFR9",
            "ES, A1RKKUPIHCS9HS",
            "IT, APJ6JRA9NG5V4",
            "UK, A1F83G8C2ARO7P",
            "US, ATVPDKIKX0DER",
            "JP, A1VC38T7YXB528"})
    void servesTheSevenMarketplaces(Marketplace marketplace, String id) {
        ObjectNode v0 = v0();
        v0.put("MarketplaceId", id);
        v0.remove("OrderTotal");
        assertThat(SpApiOrder.map(v0).marketplace()).isEqualTo(marketplace);
        ObjectNode v2026 = ukV2026();
        ((ObjectNode) v2026.get("salesChannel")).put("marketplaceId", id);
        assertThat(SpApiOrder.map(v2026).marketplace()).isEqualTo(marketplace);
        assertThat(SpApiOrder.MARKETPLACE_IDS).containsEntry(id, marketplace);
    }

    @Test
    void theTableHasOneIdPerMarketplace() {
        assertThat(SpApiOrder.MARKETPLACE_IDS).hasSize(7);
        assertThat(Set.copyOf(SpApiOrder.MARKETPLACE_IDS.values())).containsExactlyInAnyOrder(Marketplace.values());
    }

    @Test
    void namesAnUnservedMarketplaceIdOnlyWhenItLooksLikeOne() {
        ObjectNode brazil = v0();
        brazil.put("MarketplaceId", "A2Q3Y263D00KWC");
        Refusal r = refusal(brazil);
        assertThat(r.field()).isEqualTo("spapiOrder.MarketplaceId");
        assertThat(r.getMessage()).isEqualTo("marketplace id A2Q3Y263D00KWC is not served; served: FR A13V1IB3VIYZZH, "
                + "DE A1PA6795UKMFR9, ES A1RKKUPIHCS9HS, IT APJ6JRA9NG5V4, UK A1F83G8C2ARO7P, US ATVPDKIKX0DER, "
                + "JP A1VC38T7YXB528");
        for (String odd : List.of("Amazon.com.br", "atvpdkikx0der", "A2Q3 Y263D00KWC", "A2Q3Y263D00KWCA2Q3Y263D00KWC", "X1")) {
            ObjectNode order = ukV2026();
            ((ObjectNode) order.get("salesChannel")).put("marketplaceId", odd);
            Refusal o = refusal(order);
            assertThat(o.field()).isEqualTo("spapiOrder.salesChannel.marketplaceId");
            assertThat(o.getMessage()).startsWith("an unknown marketplace id is not served; served: FR A13V1IB3VIYZZH")
                    .doesNotContain(odd);
        }
    }

    // ---- statuses ----

    @ParameterizedTest
    @ValueSource(strings = {"Pending", "PendingAvailability"})
    void refusesAPendingV0Order(String status) {
        ObjectNode order = v0();
        order.put("OrderStatus", status);
        Refusal r = refusal(order);
        assertThat(r.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
        assertThat(r.field()).isEqualTo("spapiOrder.OrderStatus");
        assertThat(r.getMessage()).startsWith("order status " + status + ": ").contains("no delivery window");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PENDING", "PENDING_AVAILABILITY"})
    void refusesAPendingV2026Order(String status) {
        ObjectNode order = ukV2026();
        ((ObjectNode) order.get("fulfillment")).put("fulfillmentStatus", status);
        Refusal r = refusal(order);
        assertThat(r.field()).isEqualTo("spapiOrder.fulfillment.fulfillmentStatus");
        assertThat(r.getMessage()).startsWith("fulfillment status " + status + ": ").contains("no delivery window");
    }

    @Test
    void refusesACanceledOrderWhicheverTheSpelling() {
        ObjectNode v0 = v0();
        v0.put("OrderStatus", "Canceled");
        Refusal r = refusal(v0);
        assertThat(r.field()).isEqualTo("spapiOrder.OrderStatus");
        assertThat(r.getMessage()).startsWith("order status Canceled: ").contains("cannot be \"not received\"");
        for (String spelling : List.of("CANCELLED", "CANCELED")) {
            ObjectNode v2026 = ukV2026();
            ((ObjectNode) v2026.get("fulfillment")).put("fulfillmentStatus", spelling);
            Refusal c = refusal(v2026);
            assertThat(c.field()).isEqualTo("spapiOrder.fulfillment.fulfillmentStatus");
            assertThat(c.getMessage()).startsWith("fulfillment status " + spelling + ": ").contains("canceled order");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "Unshipped, UNSHIPPED",
            "PartiallyShipped, PARTIALLY_SHIPPED",
            "Shipped, SHIPPED",
            "Unfulfillable, UNFULFILLABLE",
            "InvoiceUnconfirmed, INVOICE_UNCONFIRMED",
            "SHIPPED, SHIPPED"})
    void writesTheV0StatusEnumLike(String status, String expected) {
        ObjectNode order = v0();
        order.put("OrderStatus", status);
        assertThat(SpApiOrder.map(order).orderStatus()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED", "UNFULFILLABLE"})
    void keepsTheV2026Status(String status) {
        ObjectNode order = ukV2026();
        ((ObjectNode) order.get("fulfillment")).put("fulfillmentStatus", status);
        assertThat(SpApiOrder.map(order).orderStatus()).isEqualTo(status);
    }

    @Test
    void refusesAStatusThatIsNotACode() {
        ObjectNode order = v0();
        order.put("OrderStatus", "John Doe says shipped");
        Refusal r = refusal(order);
        assertThat(r.field()).isEqualTo("spapiOrder.OrderStatus");
        assertThat(r.getMessage()).doesNotContain("John");
        order.remove("OrderStatus");
        assertThat(refusal(order).getMessage()).isEqualTo("spapiOrder.OrderStatus is missing; expected the order status,"
                + " such as Shipped or Unshipped");
    }

    // ---- required fields ----

    static Stream<Arguments> brokenRequiredFields() {
        return Stream.of(
                Arguments.of(v0(), "/AmazonOrderId", null, "spapiOrder.AmazonOrderId", "is missing; expected an order id"),
                Arguments.of(v0(), "/AmazonOrderId", "John Doe 902-1845936", "spapiOrder.AmazonOrderId", "must be 1 to 64 letters"),
                Arguments.of(v0(), "/AmazonOrderId", "", "spapiOrder.AmazonOrderId", "must be text"),
                Arguments.of(v0(), "/MarketplaceId", null, "spapiOrder.MarketplaceId", "is missing; expected an Amazon marketplace id"),
                Arguments.of(v0(), "/PurchaseDate", null, "spapiOrder.PurchaseDate", "is missing; expected an ISO 8601 date-time"),
                Arguments.of(v0(), "/PurchaseDate", "yesterday, John Doe", "spapiOrder.PurchaseDate", "must be an ISO 8601 date-time"),
                Arguments.of(v0(), "/PurchaseDate", "2023-06-01", "spapiOrder.PurchaseDate", "must be an ISO 8601 date-time"),
                Arguments.of(v0(), "/PurchaseDate", "2023-06-01T09:15:00", "spapiOrder.PurchaseDate", "must be an ISO 8601 date-time"),
                Arguments.of(v0(), "/LatestDeliveryDate", "soon", "spapiOrder.LatestDeliveryDate", "must be an ISO 8601 date-time"),
                Arguments.of(ukV2026(), "/orderId", null, "spapiOrder.orderId", "is missing; expected an order id"),
                Arguments.of(ukV2026(), "/orderId", "202#1234567", "spapiOrder.orderId", "must be 1 to 64 letters"),
                Arguments.of(ukV2026(), "/salesChannel/marketplaceId", null, "spapiOrder.salesChannel.marketplaceId", "is missing"),
                Arguments.of(ukV2026(), "/createdTime", null, "spapiOrder.createdTime", "is missing; expected an ISO 8601 date-time"),
                Arguments.of(ukV2026(), "/createdTime", "25/12/2024", "spapiOrder.createdTime", "must be an ISO 8601 date-time"),
                Arguments.of(ukV2026(), "/fulfillment/deliverByWindow/latestDateTime", "next week",
                        "spapiOrder.fulfillment.deliverByWindow.latestDateTime", "must be an ISO 8601 date-time"));
    }

    @ParameterizedTest(name = "{1} = {2}")
    @MethodSource("brokenRequiredFields")
    void refusesAMissingOrMalformedField(ObjectNode order, String pointer, String value, String field, String message) {
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) order.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        if (value == null) {
            parent.remove(key);
        } else {
            parent.put(key, value);
        }
        Refusal r = refusal(order);
        assertThat(r.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
        assertThat(r.field()).isEqualTo(field);
        assertThat(r.getMessage()).contains(message);
        if (value != null && !value.isEmpty()) {
            assertThat(r.getMessage()).doesNotContain(value);
        }
    }

    @Test
    void refusesAnInstantOutsideTheDatesInputsAccept() {
        ObjectNode order = ukV2026();
        order.put("createdTime", "2100-01-01T00:00:00Z");
        Refusal r = refusal(order);
        assertThat(r.field()).isEqualTo("spapiOrder.createdTime");
        assertThat(r.getMessage()).isEqualTo("spapiOrder.createdTime 2100-01-01T00:00:00Z is outside the dates accepted,"
                + " 2000-01-01 to 2099-12-31");
        order.put("createdTime", "2099-12-31T23:59:59Z");
        assertThat(SpApiOrder.map(order).orderedAt()).isEqualTo(at("2099-12-31T23:59:59Z"));
    }

    @Test
    void refusesAnOrderIdWrittenAsANumber() {
        ObjectNode order = ukV2026();
        order.put("orderId", 2021234567L);
        assertThat(refusal(order).getMessage()).isEqualTo("spapiOrder.orderId must be text: an order id");
    }

    @Test
    void readsInstantsWithMillisecondsAndOffsets() {
        ObjectNode order = v0();
        order.put("PurchaseDate", "2024-12-25T10:15:00.250+01:00");
        order.put("LatestDeliveryDate", "2024-12-30T23:59:59Z");
        Mapped m = SpApiOrder.map(order);
        assertThat(m.orderedAt()).isEqualTo(at("2024-12-25T09:15:00.250Z"));
        assertThat(m.latestDeliveryAt()).isEqualTo(at("2024-12-30T23:59:59Z"));
        order.remove("LatestDeliveryDate");
        assertThat(SpApiOrder.map(order).latestDeliveryAt()).isNull();
    }

    // ---- helpers ----

    /** v0 getOrder sandbox order (MFN US Unshipped, USD 11.01) with its 1970 placeholder dates moved to 2024. */
    private static ObjectNode v0() {
        ObjectNode order = (ObjectNode) read("v0-getOrder-200-sandbox0-TEST_CASE_200.json").get("payload");
        order.put("PurchaseDate", "2024-12-20T03:58:30Z");
        order.put("LatestDeliveryDate", "2024-12-27T04:15:17Z");
        return order;
    }

    /** v2026 getOrder example (MERCHANT UK, SHIPPED, Royal Mail package). */
    private static ObjectNode ukV2026() {
        return (ObjectNode) read("v2026-getOrder-200-example.json").get("order");
    }

    private static ObjectNode searchOrder(String file) {
        return (ObjectNode) read(file).get("orders").get(0);
    }

    /** Adds payment.paymentExecutions with one execution per amount (what includedData PAYMENT returns). */
    private static ObjectNode withPayment(ObjectNode order, String currency, String... amounts) {
        ArrayNode executions = order.putObject("payment").putArray("paymentExecutions");
        for (String amount : amounts) {
            ObjectNode execution = executions.addObject();
            execution.put("paymentMethod", "CreditCard");
            execution.putObject("paymentAmount").put("amount", amount).put("currencyCode", currency);
        }
        return order;
    }

    private static Refusal refusal(JsonNode order) {
        return catchThrowableOfType(Refusal.class, () -> SpApiOrder.map(order));
    }

    /** The orders in an API response: getOrder's payload / order, getOrders' payload.Orders, searchOrders' orders. */
    private static List<JsonNode> ordersIn(JsonNode response) {
        List<JsonNode> orders = new ArrayList<>();
        if (response.has("payload")) {
            JsonNode payload = response.get("payload");
            if (payload.has("Orders")) {
                payload.get("Orders").forEach(orders::add);
            } else {
                orders.add(payload);
            }
        } else if (response.has("order")) {
            orders.add(response.get("order"));
        } else {
            response.get("orders").forEach(orders::add);
        }
        return orders;
    }

    private static final List<String> PERSONAL_KEYS = List.of("buyer", "recipient", "address", "name", "email",
            "phone", "gift", "company", "legal", "purchaseorder", "instruction");

    /** Every text value (3 characters or more) found anywhere under a key naming personal data. */
    private static Set<String> personalStrings(JsonNode node) {
        Set<String> found = new LinkedHashSet<>();
        collect(node, false, found);
        return found;
    }

    private static void collect(JsonNode node, boolean personal, Set<String> found) {
        if (node.isTextual()) {
            if (personal && node.asText().strip().length() >= 3) {
                found.add(node.asText());
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, personal, found));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey().toLowerCase(Locale.ROOT);
                boolean under = personal || PERSONAL_KEYS.stream().anyMatch(key::contains);
                collect(field.getValue(), under, found);
            }
        }
    }

    private static JsonNode read(String file) {
        try (InputStream in = SpApiOrderTest.class.getClassLoader().getResourceAsStream(DIR + file)) {
            assertThat(in).as(file).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        try {
            return Path.of(SpApiOrderTest.class.getClassLoader().getResource(DIR + "README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
