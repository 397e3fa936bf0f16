package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.LogCapture;
import io.claimdesk.testing.StoredCase;
import io.claimdesk.testing.Table;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;
import io.quarkus.funqy.Funq;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bad input, kind by kind, for the three functions: each is refused with the documented refusal (code and
 * field), the table is exactly as before (every item compared), and the refusal is an answer, not a failure:
 * the invocation succeeds with {@code {"refusal":{...}}} and nothing is logged at ERROR. recordRefund, the
 * exported function, is invoked through the Lambda mock event server (Funqy's Lambda path), so Funqy's own
 * answer to malformed JSON is checked too; evaluateClaim and flagLateArrival (arrivals, follow-ups, the sweep) are called as Java, and their
 * answer is written the way Funqy writes it for Lambda (its mapper, the method's declared return type). Then
 * random inputs drawn from {@link InputPools} against the store.
 */
@QuarkusTest
@TestProfile(FunctionProfile.RecordRefund.class)
class BadInputFunctionTest {

    static final String UNREADABLE = "Could not deserialize the provided message.";

    @Inject
    ClaimFunctions functions;

    LogCapture logs;

    @BeforeEach
    void capture() {
        logs = LogCapture.start();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    /**
     * One kind of bad input: which function (E evaluateClaim, R recordRefund, A an arrival, F a follow-up, S the
     * scheduled sweep), on which case (a FR or JP order, in the state {@code given} puts it in), how the valid
     * sample event is spoilt, what must come back.
     */
    record Kind(String name, char function, boolean japanese, BiConsumer<ClaimFunctions, String> given,
                UnaryOperator<ObjectNode> spoil, String raw, String code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Kind> KINDS = new ArrayList<>();

    private static void kind(String name, char function, UnaryOperator<ObjectNode> spoil, String code, String field) {
        KINDS.add(new Kind(name, function, false, null, spoil, null, code, field));
    }

    /** A kind refused because of what the case already holds, which {@code given} records first. */
    private static void given(String name, char function, BiConsumer<ClaimFunctions, String> given, UnaryOperator<ObjectNode> spoil,
                              String code, String field) {
        KINDS.add(new Kind(name, function, false, given, spoil, null, code, field));
    }

    private static void japanese(String name, char function, UnaryOperator<ObjectNode> spoil, String code, String field) {
        KINDS.add(new Kind(name, function, true, null, spoil, null, code, field));
    }

    private static void unreadable(String name, String raw) {
        KINDS.add(new Kind(name, 'R', false, null, null, raw, "UNREADABLE", null));
    }

    private static UnaryOperator<ObjectNode> claim(String json) {
        return set("claim", json);
    }

    /** Given: a refund of 20.00 on 2026-03-15 (with a reorder if asked). */
    private static BiConsumer<ClaimFunctions, String> refunded(boolean reorder) {
        return (functions, orderId) -> Fixtures.refund(functions, orderId, "given", "20.00", reorder);
    }

    /** Given: a refund of 20.00 on 2026-03-15, then the parcel, on 2026-03-20 (a late arrival waiting for consent). */
    private static final BiConsumer<ClaimFunctions, String> LATE_ARRIVAL = (functions, orderId) -> {
        Fixtures.refund(functions, orderId, "given", "20.00", false);
        functions.flagLateArrival(Events.arrival(orderId));
    };

    /** A day in the future wherever the case's marketplace is (FR). */
    static final LocalDate TOMORROW = Events.todayInParis().plusDays(1);

    private static UnaryOperator<ObjectNode> set(String field, String json) {
        return e -> e.set(field, InputPools.parse(json));
    }

    private static UnaryOperator<ObjectNode> remove(String... fields) {
        return e -> {
            for (String f : fields) {
                e.remove(f);
            }
            return e;
        };
    }

    private static UnaryOperator<ObjectNode> shipment(String field, String json) {
        return e -> {
            ((ObjectNode) e.path("shipment")).set(field, InputPools.parse(json));
            return e;
        };
    }

    static final String V = "VALIDATION_FAILED";
    static final String ID_65 = "\"A" + "b".repeat(64) + "\"";

    static {
        // ---------------------------------------------------------------- evaluateClaim (E)
        kind("E: orderId missing", 'E', remove("orderId"), V, "orderId");
        kind("E: orderId empty", 'E', set("orderId", "\"\""), V, "orderId");
        kind("E: orderId of 65 characters", 'E', set("orderId", ID_65), V, "orderId");
        kind("E: orderId with #", 'E', set("orderId", "\"171#1\""), V, "orderId");
        kind("E: orderId with :", 'E', set("orderId", "\"171:1\""), V, "orderId");
        kind("E: orderId with $", 'E', set("orderId", "\"171$1\""), V, "orderId");
        kind("E: orderId with a space", 'E', set("orderId", "\"171 1\""), V, "orderId");
        kind("E: orderId starting with -", 'E', set("orderId", "\"-171\""), V, "orderId");
        kind("E: orderId as a JSON number", 'E', set("orderId", "171"), V, "orderId");
        kind("E: marketplace unknown", 'E', set("marketplace", "\"XX\""), V, "marketplace");
        kind("E: marketplace in lower case", 'E', set("marketplace", "\"fr\""), V, "marketplace");
        kind("E: marketplace missing", 'E', remove("marketplace"), V, "marketplace");
        kind("E: fulfilment unknown", 'E', set("fulfilment", "\"DROPSHIP\""), V, "fulfilment");
        kind("E: fulfilment as an enum ordinal", 'E', set("fulfilment", "1"), V, "fulfilment");
        kind("E: orderTotal as a JSON number", 'E', set("orderTotal", "59.90"), V, "orderTotal");
        kind("E: orderTotal zero", 'E', set("orderTotal", "\"0.00\""), V, "orderTotal");
        kind("E: orderTotal negative", 'E', set("orderTotal", "\"-59.90\""), V, "orderTotal");
        kind("E: orderTotal EUR with 3 decimals", 'E', set("orderTotal", "\"59.905\""), V, "orderTotal");
        japanese("E: orderTotal JPY with decimals", 'E', set("orderTotal", "\"5000.5\""), V, "orderTotal");
        kind("E: orderTotal in exponent notation", 'E', set("orderTotal", "\"5.99E+1\""), V, "orderTotal");
        kind("E: orderTotal not a number", 'E', set("orderTotal", "\"59,90\""), V, "orderTotal");
        kind("E: currency unknown", 'E', set("currency", "\"XYZ\""), V, "currency");
        kind("E: currency of no marketplace", 'E', set("currency", "\"CHF\""), V, "currency");
        kind("E: currency not the marketplace's", 'E', set("currency", "\"USD\""), V, "currency");
        kind("E: currency in lower case", 'E', set("currency", "\"eur\""), V, "currency");
        kind("E: both orderDate and orderedAt", 'E', set("orderedAt", "\"2026-03-01T10:00:00Z\""), V, "orderDate");
        kind("E: neither orderDate nor orderedAt", 'E', remove("orderDate"), V, "orderDate");
        kind("E: neither maxDeliveryDate nor serviceDate", 'E', remove("maxDeliveryDate"), V, "maxDeliveryDate");
        kind("E: both maxDeliveryDate and serviceDate", 'E', set("serviceDate", "\"2026-03-05\""), V, "serviceDate");
        kind("E: maxDeliveryDate before orderDate", 'E', set("maxDeliveryDate", "\"2026-02-20\""), V, "maxDeliveryDate");
        kind("E: serviceDate before orderDate", 'E', e -> remove("maxDeliveryDate").apply(e).put("serviceDate", "2026-02-01"), V, "serviceDate");
        kind("E: maxDeliveryDate years after orderDate", 'E', set("maxDeliveryDate", "\"2029-03-10\""), V, "maxDeliveryDate");
        kind("E: reportedOn before orderDate", 'E', set("reportedOn", "\"2026-02-01\""), V, "reportedOn");
        kind("E: reportedOn years after orderDate", 'E', set("reportedOn", "\"2029-01-01\""), V, "reportedOn");
        kind("E: orderDate as dd/MM/yyyy", 'E', set("orderDate", "\"01/03/2026\""), V, "orderDate");
        kind("E: orderDate not a calendar day", 'E', set("orderDate", "\"2026-02-30\""), V, "orderDate");
        kind("E: orderDate as a JSON number", 'E', set("orderDate", "20513"), V, "orderDate");
        kind("E: orderDate as a [y, m, d] array", 'E', set("orderDate", "[2026, 3, 1]"), V, "orderDate");
        kind("E: orderDate in year 999999999", 'E', e -> e.put("orderDate", "+999999999-12-31").put("maxDeliveryDate", "+999999999-12-31").put("reportedOn", "+999999999-12-31"), V, "orderDate");
        kind("E: orderDate in year 1900", 'E', e -> e.put("orderDate", "1900-03-01").put("maxDeliveryDate", "1900-03-10").put("reportedOn", "1900-03-12"), V, "orderDate");
        kind("E: orderedAt a date, not an instant", 'E', e -> remove("orderDate").apply(e).put("orderedAt", "2026-03-01"), V, "orderedAt");
        kind("E: orderedAt beyond the last instant", 'E', e -> remove("orderDate").apply(e).put("orderedAt", "+1000000000-12-31T23:59:59Z"), V, "orderedAt");
        kind("E: orderedAt as epoch seconds", 'E', e -> remove("orderDate").apply(e).put("orderedAt", 1772400000L), V, "orderedAt");
        kind("E: asOf in year 9999", 'E', set("asOf", "\"9999-12-31\""), V, "asOf");
        kind("E: asOf badly formatted", 'E', set("asOf", "\"14.03.2026\""), V, "asOf");
        kind("E: language unknown", 'E', set("language", "\"pt\""), V, "language");
        kind("E: extra field with personal data", 'E', set("buyerName", "\"Jeanne Dupont\""), V, "buyerName");
        kind("E: extra field named with free text", 'E', set("Jeanne Dupont: buyer", "\"x\""), V, null);
        kind("E: extra field inside shipment", 'E', shipment("trackingNumber", "\"6A123\""), V, "shipment.trackingNumber");
        kind("E: shipment not an object", 'E', set("shipment", "\"Colissimo\""), V, "shipment");
        kind("E: shipment.status unknown", 'E', shipment("status", "\"FOUND\""), V, "shipment.status");
        kind("E: shipment.tracking as text", 'E', shipment("tracking", "\"yes\""), V, "shipment.tracking");
        kind("E: shipment.carrier of 65 characters", 'E', shipment("carrier", "\"" + "C".repeat(65) + "\""), V, "shipment.carrier");
        kind("E: shipment.carrier with markup", 'E', shipment("carrier", "\"<script>\""), V, "shipment.carrier");
        kind("E: marketplace changed on an open case", 'E', e -> e.put("marketplace", "DE"), "INVALID_TRANSITION", "marketplace");
        kind("E: orderDate in the future", 'E', e -> remove("reportedOn").apply(e).put("orderDate", TOMORROW.toString())
                .put("maxDeliveryDate", TOMORROW.plusDays(9).toString()), V, "orderDate");
        kind("E: orderedAt in the future", 'E', e -> remove("orderDate", "reportedOn").apply(e)
                .put("orderedAt", TOMORROW.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC).toString())
                .put("maxDeliveryDate", TOMORROW.plusDays(9).toString()), V, "orderDate");
        kind("E: reportedOn in the future", 'E', e -> e.put("reportedOn", TOMORROW.toString()), V, "reportedOn");
        kind("E: claim.filedOn missing (an outcome without filedOn)", 'E', claim("{\"outcome\": \"GRANTED\", \"decidedOn\": \"2026-03-30\"}"), V, "claim.filedOn");
        kind("E: claim.filedOn in the future", 'E', claim("{\"filedOn\": \"" + TOMORROW + "\"}"), V, "claim.filedOn");
        kind("E: claim.filedOn before orderDate", 'E', claim("{\"filedOn\": \"2026-02-27\"}"), V, "claim.filedOn");
        kind("E: claim.filedOn badly formatted", 'E', claim("{\"filedOn\": \"20/03/2026\"}"), V, "claim.filedOn");
        kind("E: claim.decidedOn before claim.filedOn", 'E',
                claim("{\"filedOn\": \"2026-03-20\", \"outcome\": \"DENIED\", \"decidedOn\": \"2026-03-19\"}"), V, "claim.decidedOn");
        kind("E: claim.decidedOn without an outcome", 'E', claim("{\"filedOn\": \"2026-03-20\", \"decidedOn\": \"2026-03-25\"}"), V, "claim.outcome");
        kind("E: claim.decidedOn in the future", 'E',
                claim("{\"filedOn\": \"2026-03-20\", \"outcome\": \"GRANTED\", \"decidedOn\": \"" + TOMORROW + "\"}"), V, "claim.decidedOn");
        kind("E: claim.outcome unknown", 'E', claim("{\"filedOn\": \"2026-03-20\", \"outcome\": \"ACCEPTED\"}"), V, "claim.outcome");
        kind("E: claim.outcome in lower case", 'E', claim("{\"filedOn\": \"2026-03-20\", \"outcome\": \"granted\"}"), V, "claim.outcome");
        kind("E: claim.reference with #", 'E', claim("{\"filedOn\": \"2026-03-20\", \"reference\": \"A2Z#1\"}"), V, "claim.reference");
        kind("E: extra field inside claim", 'E', claim("{\"filedOn\": \"2026-03-20\", \"buyerName\": \"Jeanne Dupont\"}"), V, "claim.buyerName");
        kind("E: claim not an object", 'E', claim("\"2026-03-20\""), V, "claim");
        given("E: a second claim filed on another day", 'E', (f, id) -> f.evaluateClaim(Events.fileClaim(id)),
                claim("{\"filedOn\": \"2026-03-21\"}"), "INVALID_TRANSITION", "claim.filedOn");
        given("E: orderDate after a refund already recorded", 'E', refunded(false), e -> e.put("orderDate", "2026-03-16")
                .put("maxDeliveryDate", "2026-03-25").put("reportedOn", "2026-03-16"), V, "orderDate");
        given("E: orderTotal changed once refunded", 'E', refunded(false), e -> e.put("orderTotal", "64.90"), "INVALID_TRANSITION", "orderTotal");
        given("E: fulfilment changed once refunded", 'E', refunded(false), e -> e.put("fulfilment", "MARKETPLACE"),
                "INVALID_TRANSITION", "fulfilment");
        // ---------------------------------------------------------------- recordRefund (R), through Lambda
        kind("R: refundId missing", 'R', remove("refundId"), V, "refundId");
        kind("R: refundId empty", 'R', set("refundId", "\"\""), V, "refundId");
        kind("R: refundId of 65 characters", 'R', set("refundId", ID_65), V, "refundId");
        kind("R: refundId with #", 'R', set("refundId", "\"#rid\""), V, "refundId");
        kind("R: refundId with :", 'R', set("refundId", "\":amt\""), V, "refundId");
        kind("R: refundId with $", 'R', set("refundId", "\"rf$1\""), V, "refundId");
        kind("R: refundId with a space", 'R', set("refundId", "\"rf 1\""), V, "refundId");
        kind("R: orderId with #", 'R', set("orderId", "\"#id\""), V, "orderId");
        kind("R: orderId of an unknown order", 'R', set("orderId", "\"no-such-order\""), "CASE_NOT_FOUND", "orderId");
        kind("R: amount missing", 'R', remove("amount"), V, "amount");
        kind("R: amount as a JSON number", 'R', set("amount", "20.00"), V, "amount");
        kind("R: amount zero", 'R', set("amount", "\"0.00\""), V, "amount");
        kind("R: amount negative", 'R', set("amount", "\"-20.00\""), V, "amount");
        kind("R: amount EUR with 3 decimals", 'R', set("amount", "\"20.005\""), V, "amount");
        japanese("R: amount JPY with decimals", 'R', e -> e.put("amount", "100.5").put("currency", "JPY"), V, "amount");
        kind("R: amount neither a number nor full", 'R', set("amount", "\"all\""), V, "amount");
        kind("R: amount above the order total", 'R', set("amount", "\"60.00\""), "REFUND_EXCEEDS_REMAINING", "amount");
        kind("R: currency not the order's", 'R', set("currency", "\"GBP\""), V, "currency");
        kind("R: currency unknown", 'R', set("currency", "\"XYZ\""), V, "currency");
        kind("R: currency as a JSON number", 'R', set("currency", "978"), V, "currency");
        given("R: refund id reused with another amount", 'R', (f, id) -> f.recordRefund(Events.refund(id)),
                set("amount", "\"25.00\""), "REFUND_ID_CONFLICT", "refundId");
        given("R: a seller refund on an order fulfilled by Amazon", 'R',
                (f, id) -> f.evaluateClaim(Events.evaluate(id).put("fulfilment", "MARKETPLACE")), e -> e, "INVALID_TRANSITION", "orderId");
        kind("R: reason of 501 characters", 'R', set("reason", "\"" + "x".repeat(501) + "\""), V, "reason");
        kind("R: reason as a JSON number", 'R', set("reason", "5"), V, "reason");
        kind("R: reorderRequested as text", 'R', set("reorderRequested", "\"yes\""), V, "reorderRequested");
        kind("R: refundedOn before orderDate", 'R', set("refundedOn", "\"2026-02-27\""), V, "refundedOn");
        kind("R: refundedOn in the future", 'R', set("refundedOn", "\"2099-01-01\""), V, "refundedOn");
        kind("R: refundedOn in year 999999999", 'R', set("refundedOn", "\"+999999999-12-31\""), V, "refundedOn");
        kind("R: refundedOn badly formatted", 'R', set("refundedOn", "\"15/03/2026\""), V, "refundedOn");
        kind("R: extra field", 'R', set("buyerEmail", "\"jeanne@example.org\""), V, "buyerEmail");
        kind("R: language unknown", 'R', set("language", "\"nl\""), V, "language");
        unreadable("R: truncated JSON", "{\"orderId\": ");
        unreadable("R: not JSON at all", "refund please");
        unreadable("R: single-quoted JSON", "{'orderId': 'x'}");
        unreadable("R: unterminated array", "[1, 2");
        // ---------------------------------------------------------------- flagLateArrival (A)
        kind("A: source without deliveredOn", 'A', remove("deliveredOn"), V, "deliveredOn");
        kind("A: neither an arrival nor a followUp", 'A', remove("deliveredOn", "source"), V, "deliveredOn");
        kind("A: deliveredOn before orderDate", 'A', set("deliveredOn", "\"2026-02-28\""), V, "deliveredOn");
        kind("A: deliveredOn in the future", 'A', set("deliveredOn", "\"2099-12-31\""), V, "deliveredOn");
        kind("A: deliveredOn in year 999999999", 'A', set("deliveredOn", "\"+999999999-12-31\""), V, "deliveredOn");
        kind("A: deliveredOn badly formatted", 'A', set("deliveredOn", "\"20 mars 2026\""), V, "deliveredOn");
        kind("A: source unknown", 'A', set("source", "\"COURIER\""), V, "source");
        kind("A: source in lower case", 'A', set("source", "\"carrier\""), V, "source");
        kind("A: source missing", 'A', remove("source"), V, "source");
        kind("A: orderId with $", 'A', set("orderId", "\"$order\""), V, "orderId");
        kind("A: extra field", 'A', set("buyerAddress", "\"12 rue de la Paix\""), V, "buyerAddress");
        kind("A: input not an object", 'A', e -> null, V, null);
        kind("A: followUp with deliveredOn and source", 'A', e -> e.put("followUp", "CONSENT_GIVEN"), V, "followUp");
        kind("A: followUp with deliveredOn only", 'A', e -> remove("source").apply(e).put("followUp", "RETURN_RECEIVED"), V, "followUp");
        kind("A: replacementOrderId with an arrival", 'A', e -> e.put("replacementOrderId", "171-0000000-0000001"), V, "replacementOrderId");
        given("A: the same source reporting another date", 'A', (f, id) -> f.flagLateArrival(Events.arrival(id)),
                e -> e.put("deliveredOn", "2026-03-21"), "INVALID_TRANSITION", "deliveredOn");
        // ---------------------------------------------------------------- flagLateArrival follow-ups (F)
        kind("F: followUp unknown", 'F', set("followUp", "\"CONSENT\""), V, "followUp");
        kind("F: followUp in lower case", 'F', set("followUp", "\"consent_given\""), V, "followUp");
        kind("F: followUp as an enum ordinal", 'F', set("followUp", "0"), V, "followUp");
        kind("F: replacementOrderId without REPLACEMENT_ORDERED", 'F', e -> e.put("replacementOrderId", "171-0000000-0000001"),
                V, "replacementOrderId");
        kind("F: REPLACEMENT_ORDERED without replacementOrderId", 'F', e -> e.put("followUp", "REPLACEMENT_ORDERED"), V, "replacementOrderId");
        kind("F: replacementOrderId with #", 'F', e -> e.put("followUp", "REPLACEMENT_ORDERED").put("replacementOrderId", "171#2"),
                V, "replacementOrderId");
        kind("F: replacementOrderId the order itself", 'F',
                e -> e.put("followUp", "REPLACEMENT_ORDERED").put("replacementOrderId", e.path("orderId").asText()), V, "replacementOrderId");
        kind("F: consent with no late arrival", 'F', e -> e, "INVALID_TRANSITION", "followUp");
        kind("F: return received with no late arrival", 'F', e -> e.put("followUp", "RETURN_RECEIVED"), "INVALID_TRANSITION", "followUp");
        given("F: a replacement with no refund asking for one", 'F', refunded(false),
                e -> e.put("followUp", "REPLACEMENT_ORDERED").put("replacementOrderId", "171-0000000-0000001"), "INVALID_TRANSITION", "followUp");
        given("F: consent refused once given", 'F', LATE_ARRIVAL.andThen((f, id) -> f.flagLateArrival(Events.recordConsent(id))),
                e -> e.put("followUp", "CONSENT_REFUSED"), "INVALID_TRANSITION", "followUp");
        given("F: a second replacement order", 'F', refunded(true).andThen((f, id) -> f.flagLateArrival(Events.recordConsent(id)
                        .put("followUp", "REPLACEMENT_ORDERED").put("replacementOrderId", "171-0000000-0000001"))),
                e -> e.put("followUp", "REPLACEMENT_ORDERED").put("replacementOrderId", "171-0000000-0000002"), "INVALID_TRANSITION",
                "replacementOrderId");
        given("F: return received after a plain refund", 'F', LATE_ARRIVAL, e -> e.put("followUp", "RETURN_RECEIVED"),
                "INVALID_TRANSITION", "followUp");
        kind("F: followUp for an unknown order", 'F', e -> e.put("orderId", "no-such-order"), "CASE_NOT_FOUND", "orderId");
        kind("F: extra field", 'F', set("buyerPhone", "\"0612345678\""), V, "buyerPhone");
        kind("F: language unknown", 'F', set("language", "\"pt\""), V, "language");
        kind("S: scheduled event without time", 'S', remove("time"), V, "time");
        kind("S: scheduled event of another detail-type", 'S', set("detail-type", "\"Object Created\""), V, "detail-type");
        kind("S: scheduled event time badly formatted", 'S', set("time", "\"yesterday\""), V, "time");
        kind("S: scheduled event time as epoch seconds", 'S', set("time", "1781000000"), V, "time");
        kind("S: scheduled event time beyond the last instant", 'S', set("time", "\"+1000000000-12-31T23:59:59Z\""), V, "time");
        kind("S: scheduled event time null", 'S', set("time", "null"), V, "time");
    }

    static Stream<Arguments> kinds() {
        return KINDS.stream().map(k -> Arguments.of(k.name(), k));
    }

    static int status(String code) {
        return switch (code) {
            case "CASE_NOT_FOUND" -> 404;
            case "REFUND_ID_CONFLICT" -> 409;
            case "REFUND_EXCEEDS_REMAINING", "INVALID_TRANSITION" -> 422;
            default -> 400;
        };
    }

    @Test
    void atLeastFiftyKindsOfBadInputAreChecked() {
        Set<String> names = new LinkedHashSet<>();
        KINDS.forEach(k -> assertThat(names.add(k.name())).as(k.name()).isTrue());
        assertThat(names).hasSizeGreaterThanOrEqualTo(50);
        System.out.println("bad-input kinds: " + names.size());
    }

    private ObjectNode openCase(boolean japanese) {
        String orderId = Events.newOrderId();
        ObjectNode event = Events.evaluate(orderId);
        if (japanese) {
            event.put("marketplace", "JP").put("currency", "JPY").put("orderTotal", "5000");
        }
        functions.evaluateClaim(event.deepCopy());
        return event;
    }

    /**
     * The refusal the call was answered with ({@code [<status>] <CODE> <field>: <message>}), Funqy's own error
     * for a body that is not JSON, or null when the call was answered with a view. A refusal must come as a
     * successful invocation's answer, logged by our code at INFO under its code and field, with nothing logged
     * at ERROR; the only failed invocation allowed is Funqy's for a body that is not JSON, which cannot reach a
     * function on AWS (Lambda's Invoke API refuses such a payload with InvalidRequestContentException).
     */
    private String invoke(char function, Object event) {
        logs.clear();
        String outcome = call(function, event);
        if (!UNREADABLE.equals(outcome)) {
            assertThat(logs.lines()).as("lines logged at ERROR for %s", event)
                    .filteredOn(line -> line.level().intValue() >= Level.SEVERE.intValue()).isEmpty();
        }
        if (outcome != null && !UNREADABLE.equals(outcome)) {
            Matcher m = CODE_AND_FIELD.matcher(outcome);
            assertThat(m.find()).as(outcome).isTrue();
            assertThat(logs.lines()).as("our INFO line for %s", outcome)
                    .anyMatch(line -> line.level().intValue() == Level.INFO.intValue() && line.logger().startsWith("io.claimdesk")
                            && line.text().contains(" refused: " + m.group(1) + " " + m.group(2) + " mdc="));
        }
        return outcome;
    }

    private static final Pattern CODE_AND_FIELD = Pattern.compile("^\\[\\d{3}\\] (\\S+) (\\S+): ");

    private String call(char function, Object event) {
        if (function == 'R') {
            Response r = Lambda.invoke(event);
            JsonNode answer = InputPools.parse(r.asString());
            if (r.statusCode() != 200) {
                assertThat(answer.path("errorMessage").asText()).as("the only failed invocation: a body that is not JSON")
                        .isEqualTo(UNREADABLE);
                return UNREADABLE;
            }
            return Answers.refusalMessage(answer);
        }
        JsonNode json = (JsonNode) event;
        String method = switch (function) {
            case 'E' -> "evaluateClaim";
            case 'A', 'F', 'S' -> "flagLateArrival";
            default -> throw new IllegalArgumentException(String.valueOf(function));
        };
        Object answer = function == 'E' ? functions.evaluateClaim(json) : functions.flagLateArrival(json);
        return Answers.refusalMessage(asFunqyWritesIt(method, answer));
    }

    /** The answer as Funqy writes a Lambda response: with its object mapper, for the method's declared return type. */
    private static JsonNode asFunqyWritesIt(String method, Object answer) {
        try {
            java.lang.reflect.Method funq = ClaimFunctions.class.getMethod(method, JsonNode.class);
            assertThat(funq.isAnnotationPresent(Funq.class)).isTrue();
            var mapper = AmazonLambdaMapperRecorder.objectMapper;
            String written = mapper.writerFor(mapper.constructType(funq.getGenericReturnType())).writeValueAsString(answer);
            return InputPools.parse(written);
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void isRefusedWithItsCodeAndFieldAndChangesNothing(String name, Kind kind) {
        ObjectNode evaluation = openCase(kind.japanese());
        String orderId = evaluation.path("orderId").asText();
        if (kind.given() != null) {
            kind.given().accept(functions, orderId);
        }
        Object event;
        if (kind.raw() != null) {
            event = kind.raw();
        } else {
            ObjectNode base = switch (kind.function()) {
                case 'E' -> evaluation.deepCopy();
                case 'R' -> kind.japanese() ? Events.refund(orderId).put("currency", "JPY").put("amount", "100") : Events.refund(orderId);
                case 'A' -> Events.arrival(orderId);
                case 'F' -> Events.recordConsent(orderId);
                default -> Events.sweep();
            };
            ObjectNode spoilt = kind.spoil().apply(base);
            event = spoilt == null ? Events.JSON.createArrayNode().add(base) : spoilt;
        }
        StoredCase caseBefore = StoredCase.of(orderId);
        Map<String, String> tableBefore = Table.versions();

        String message = invoke(kind.function(), event);

        assertThat(message).as("%s is refused", name).isNotNull();
        if (kind.code().equals("UNREADABLE")) {
            assertThat(message).isEqualTo(UNREADABLE);
        } else {
            assertThat(message).startsWith("[" + status(kind.code()) + "] " + kind.code() + " "
                    + (kind.field() == null ? "-" : kind.field()) + ": ");
        }
        assertThat(StoredCase.of(orderId)).as("the case is unchanged").isEqualTo(caseBefore);
        assertThat(Table.versions()).as("no item of the table was written").isEqualTo(tableBefore);
        Table.delete(orderId); // keeps the table, and so each whole-table comparison, small
    }

    static final int RANDOM_INPUTS = 200;

    /**
     * Ids reach DynamoDB only as expression attribute values and names, never spliced into an expression: an
     * id with dots (allowed) is one refund id, not a path into the item.
     */
    @Test
    void aRefundIdWithDotsIsOneNameNotAPath() {
        String orderId = openCase(false).path("orderId").asText();
        ObjectNode refund = Events.refund(orderId).put("refundId", "refunds.history.0");
        assertThat(Lambda.ok(refund).path("replay").asBoolean()).isFalse();
        assertThat(Lambda.ok(refund).path("replay").asBoolean()).isTrue();
        StoredCase stored = StoredCase.of(orderId);
        assertThat(stored.refundIds()).containsExactly("refunds.history.0");
        assertThat(stored.events()).containsExactly("CASE_OPENED", "REFUND_RECORDED");
        Table.delete(orderId);
    }

    /**
     * Order facts can be corrected again and again; each correction adds to the case's history, which lives in
     * the case's one item (at most 400 KB in DynamoDB). A case whose history is full takes no more corrections.
     */
    @Test
    void aCaseWhoseHistoryIsFullTakesNoMoreCorrectionsAndStaysWithinOneItem() {
        ObjectNode evaluation = openCase(false);
        String orderId = evaluation.path("orderId").asText();
        Map<String, AttributeValue> item = new java.util.HashMap<>(StoredCase.of(orderId).item());
        AttributeValue first = item.get("history").l().get(0);
        item.put("history", AttributeValue.fromL(java.util.Collections.nCopies(io.claimdesk.policy.ClaimCase.MAX_HISTORY, first)));
        Table.client().putItem(b -> b.tableName(Table.NAME).item(item));
        StoredCase before = StoredCase.of(orderId);

        String message = invoke('E', evaluation.deepCopy().put("orderTotal", "64.90"));

        assertThat(message).startsWith("[422] INVALID_TRANSITION orderId: ");
        assertThat(StoredCase.of(orderId)).isEqualTo(before);
        Table.delete(orderId);
    }

    private static final Pattern STATUS = Pattern.compile("^\\[(\\d{3})\\] ");

    /**
     * Random inputs (seeded, so a failure is reproducible): every one is answered or refused with a 4xx in the
     * documented format, never a 500 or a 503, as a successful invocation with nothing logged at ERROR, and a
     * refused one leaves every item of the table as it was.
     */
    @Test
    void randomInputsAreAnsweredOrRefusedAndARefusalWritesNothing() {
        Random random = new Random(20261126);
        int refused = 0;
        int answered = 0;
        long started = System.nanoTime();
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            ObjectNode evaluation = openCase(random.nextInt(4) == 0);
            String orderId = evaluation.path("orderId").asText();
            if (random.nextBoolean()) {
                functions.recordRefund(Events.refund(orderId).put("refundId", "first").put("amount", "10.00")
                        .put("currency", evaluation.path("currency").asText()).put("refundedOn", "2026-03-14"));
                if (random.nextBoolean()) {
                    functions.flagLateArrival(Events.arrival(orderId)); // after the refund: a late arrival, waiting for consent
                }
            }
            char function = "ERAS".charAt(i % 4);
            ObjectNode event = switch (function) {
                case 'E' -> InputPools.draw(evaluation, InputPools.evaluateFields(), random);
                case 'R' -> InputPools.draw(Events.refund(orderId), InputPools.refundFields(), random);
                case 'A' -> InputPools.draw(random.nextBoolean() ? Events.arrival(orderId) : Events.recordConsent(orderId),
                        InputPools.arrivalFields(), random);
                default -> InputPools.draw(Events.sweep().put("time", "2026-03-20T06:00:00Z"), InputPools.scheduleFields(), random);
            };
            StoredCase caseBefore = StoredCase.of(orderId);
            Map<String, String> tableBefore = Table.versions();
            String message = invoke(function, event);
            if (message == null) {
                answered++;
                Table.delete(orderId);
                continue;
            }
            refused++;
            if (!message.equals(UNREADABLE)) {
                Matcher m = STATUS.matcher(message);
                assertThat(m.find()).as("documented format: %s for %s", message, event).isTrue();
                assertThat(Integer.parseInt(m.group(1))).as("%s for %s", message, event).isBetween(400, 499);
                assertThat(message).matches("(?s).*\\] [A-Z_]+ [A-Za-z.\\[\\]0-9-]+: .+");
            }
            assertThat(StoredCase.of(orderId)).as("a refusal writes nothing: %s for %s", message, event).isEqualTo(caseBefore);
            assertThat(Table.versions()).as("a refusal writes nothing: %s for %s", message, event).isEqualTo(tableBefore);
            Table.delete(orderId);
        }
        System.out.println("random inputs: " + answered + " answered, " + refused + " refused in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        assertThat(refused).isGreaterThan(RANDOM_INPUTS / 4);
        assertThat(answered).isGreaterThan(RANDOM_INPUTS / 10);
    }
}
