package io.claimdesk.functions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;

/**
 * Candidate values for every input field of the three functions, valid and invalid mixed: well-formed and
 * malformed ids, amounts as text and as numbers, real and impossible dates, absurd years, unknown enum values,
 * wrong JSON types, nulls, claims and follow-ups right and wrong; {@link #ABSENT} leaves the field out. A random input is a valid sample event with
 * 0 to 3 fields replaced by such values, drawn by jqwik ({@code InputsProperties}) and by a seeded
 * {@link Random} against the real store ({@code BadInputFunctionTest}).
 */
final class InputPools {

    /** Leave the field out. */
    static final String ABSENT = "<absent>";

    private static final String LONG_ID = "A" + "b".repeat(63);
    private static final String TOO_LONG_ID = "A" + "b".repeat(64);

    static final List<String> IDS = List.of(
            "\"171-5550123-7654321\"", "\"A\"", q(LONG_ID), q(TOO_LONG_ID), "\"\"", "\" \"", "\"a#b\"", "\"a:b\"",
            "\"a$b\"", "\"a b\"", "\"-a\"", "\"é\"", "\"a/b\"", "\"a\\nb\"", "12", "12.5", "true", "null", "{}", "[]", ABSENT);
    static final List<String> DATES = List.of(
            "\"2026-03-01\"", "\"2026-03-10\"", "\"2026-03-14\"", "\"2026-06-30\"", "\"2025-12-31\"", "\"2029-01-01\"",
            "\"2026-02-30\"", "\"2026-13-01\"", "\"01/03/2026\"", "\"2026-3-1\"", "\"\"", "\"+999999999-12-31\"",
            "\"-999999999-01-01\"", "\"1999-12-31\"", "\"2100-01-01\"", "\"9999-12-31\"", "20513", "[2026,3,1]",
            "\"2026-03-01T10:00:00Z\"", "null", ABSENT);
    static final List<String> INSTANTS = List.of(
            "\"2026-03-01T10:00:00Z\"", "\"2026-06-10T06:00:00Z\"", "\"2026-03-01T23:30:00+01:00\"", "\"2026-03-01\"",
            "\"+1000000000-12-31T23:59:59Z\"", "\"-1000000000-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"",
            "\"2099-12-31T23:59:59Z\"", "\"2100-01-01T00:00:00Z\"", "1772400000", "\"yesterday\"", "null", ABSENT);
    static final List<String> AMOUNTS = List.of(
            "\"59.90\"", "\"20.00\"", "\"20\"", "\"5000\"", "\"0\"", "\"0.00\"", "\"-5.00\"", "\"10.005\"", "\"100.5\"",
            "\"1e3\"", "\"999999999999.99\"", "\"1234567890123\"", "\"abc\"", "\"\"", "\" 20.00\"", "59.9", "20", "true",
            "null", ABSENT);
    static final List<String> CURRENCIES = List.of(
            "\"EUR\"", "\"JPY\"", "\"USD\"", "\"GBP\"", "\"CHF\"", "\"XYZ\"", "\"eur\"", "\"EURO\"", "978", "null", ABSENT);
    static final List<String> LANGUAGES = List.of("\"fr\"", "\"EN\"", "\"de\"", "\"\"", "1", "null", ABSENT);
    static final List<String> BOOLEANS = List.of("true", "false", "\"true\"", "\"yes\"", "1", "0", "null", ABSENT);
    static final List<String> TEXTS = List.of(
            "\"Colis perdu\"", "\"\"", q("x".repeat(500)), q("x".repeat(501)), "\"<script>alert(1)</script>\"", "\"#:$ {}\"",
            "5", "true", "{}", "[]", "null", ABSENT);
    static final List<String> EXTRA = List.of("\"Jeanne Dupont\"", "1", "{}", ABSENT, ABSENT, ABSENT, ABSENT, ABSENT);

    /** A buyer's A-to-z claim: filed in the window, late, decided, withdrawn; and filed in the future, undated, misdated, malformed. */
    static final List<String> CLAIMS = List.of(
            "{\"filedOn\":\"2026-03-20\"}", "{\"filedOn\":\"2026-03-20\",\"reference\":\"A2Z-1\"}",
            "{\"filedOn\":\"2026-06-20\"}", "{\"filedOn\":\"2026-03-20\",\"outcome\":\"GRANTED\",\"decidedOn\":\"2026-03-30\"}",
            "{\"filedOn\":\"2026-03-20\",\"outcome\":\"DENIED\"}", "{\"filedOn\":\"2026-03-20\",\"outcome\":\"WITHDRAWN\"}",
            "{\"filedOn\":\"2099-01-01\"}", "{\"filedOn\":\"2026-02-01\"}", "{\"outcome\":\"GRANTED\"}",
            "{\"filedOn\":\"2026-03-20\",\"outcome\":\"DENIED\",\"decidedOn\":\"2026-03-19\"}",
            "{\"filedOn\":\"2026-03-20\",\"decidedOn\":\"2026-03-25\"}", "{\"filedOn\":\"2026-03-20\",\"outcome\":\"granted\"}",
            "{\"filedOn\":\"2026-03-20\",\"reference\":\"a#b\"}", "{\"filedOn\":\"2026-03-20\",\"note\":\"x\"}",
            "{\"filedOn\":20513}", "\"2026-03-20\"", "[]", "{}", "null", ABSENT, ABSENT);
    static final List<String> FOLLOW_UPS = List.of(
            "\"CONSENT_GIVEN\"", "\"CONSENT_REFUSED\"", "\"RETURN_RECEIVED\"", "\"REPLACEMENT_ORDERED\"", "\"consent_given\"",
            "\"CONSENT\"", "0", "{}", "null", ABSENT, ABSENT);

    static Map<String, List<String>> evaluateFields() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("orderId", IDS);
        f.put("marketplace", List.of("\"FR\"", "\"JP\"", "\"US\"", "\"UK\"", "\"XX\"", "\"fr\"", "\"\"", "1", "null", ABSENT));
        f.put("fulfilment", List.of("\"SELLER\"", "\"MARKETPLACE\"", "\"seller\"", "\"DROPSHIP\"", "0", "1", "null", ABSENT));
        f.put("orderDate", DATES);
        f.put("orderedAt", INSTANTS);
        f.put("maxDeliveryDate", DATES);
        f.put("serviceDate", DATES);
        f.put("orderTotal", AMOUNTS);
        f.put("currency", CURRENCIES);
        f.put("shipment", List.of(
                "{\"carrier\":\"Colissimo\",\"tracking\":true,\"insured\":false,\"status\":\"LOST_IN_TRANSIT\"}",
                "{\"status\":\"WRONG_ADDRESS\"}", "{\"status\":\"FOUND\"}", "{\"status\":3}", "{\"tracking\":\"yes\"}",
                "{\"carrier\":" + q("C".repeat(65)) + "}", "{\"carrier\":\"<b>\"}", "{\"trackingNumber\":\"X1\"}", "{}", "[]", "\"x\"",
                "null", ABSENT));
        f.put("reportedOn", DATES);
        f.put("asOf", DATES);
        f.put("language", LANGUAGES);
        f.put("claim", CLAIMS);
        f.put("buyerName", EXTRA);
        return f;
    }

    static Map<String, List<String>> refundFields() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("refundId", IDS);
        f.put("amount", withFull(AMOUNTS));
        f.put("currency", CURRENCIES);
        f.put("reorderRequested", BOOLEANS);
        f.put("reason", TEXTS);
        f.put("refundedOn", DATES);
        f.put("language", LANGUAGES);
        f.put("buyerEmail", EXTRA);
        return f;
    }

    static Map<String, List<String>> arrivalFields() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("deliveredOn", DATES);
        f.put("source", List.of("\"CARRIER\"", "\"BUYER\"", "\"SELLER\"", "\"carrier\"", "\"COURIER\"", "2", "null", ABSENT));
        f.put("followUp", FOLLOW_UPS);
        f.put("replacementOrderId", IDS);
        f.put("language", LANGUAGES);
        f.put("buyerAddress", EXTRA);
        return f;
    }

    static Map<String, List<String>> scheduleFields() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("detail-type", List.of("\"Scheduled Event\"", "\"Scheduled Event\"", "\"scheduled event\"", "\"Other\"", "\"\"", "1", "null"));
        f.put("time", INSTANTS);
        f.put("source", List.of("\"aws.events\"", ABSENT));
        f.put("detail", List.of("{}", "[]", "\"x\"", ABSENT));
        return f;
    }

    private static List<String> withFull(List<String> amounts) {
        List<String> all = new ArrayList<>(amounts);
        all.addAll(List.of("\"full\"", "\"FULL\"", "\"full \""));
        return all;
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    /** {@code base} with each replacement applied: the field set to the value, or removed for {@link #ABSENT}. */
    static ObjectNode mutate(ObjectNode base, List<Map.Entry<String, String>> replacements) {
        ObjectNode node = base.deepCopy();
        for (Map.Entry<String, String> r : replacements) {
            if (ABSENT.equals(r.getValue())) {
                node.remove(r.getKey());
            } else {
                node.set(r.getKey(), parse(r.getValue()));
            }
        }
        return node;
    }

    /** {@code base} (a valid event) with 0 to 3 fields replaced by values drawn with {@code random}. */
    static ObjectNode draw(ObjectNode base, Map<String, List<String>> fields, Random random) {
        List<String> names = new ArrayList<>(fields.keySet());
        List<Map.Entry<String, String>> replacements = new ArrayList<>();
        int changes = random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            String field = names.get(random.nextInt(names.size()));
            List<String> values = fields.get(field);
            replacements.add(Map.entry(field, values.get(random.nextInt(values.size()))));
        }
        return mutate(base, replacements);
    }

    static JsonNode parse(String json) {
        try {
            return Events.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
