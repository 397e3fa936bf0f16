package io.claimdesk.functions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Money;
import io.claimdesk.policy.Refusal;

/**
 * Reads the order facts the desk needs out of an Amazon Selling Partner API order, as Amazon returns it,
 * and nothing else. Two shapes are recognised from their content:
 * <ul>
 * <li>an Orders API v0 order: getOrder's {@code payload}, or one element of getOrders' {@code payload.Orders};</li>
 * <li>an Orders API v2026-01-01 order: getOrder's {@code order}, or one element of searchOrders' {@code orders}.</li>
 * </ul>
 * Pass the order object itself, not the whole response. Fields are named below by their path inside that
 * object; refusals name them as {@code spapiOrder.<path>}.
 *
 * <table>
 * <caption>SP-API field → desk fact</caption>
 * <tr><th>desk fact</th><th>Orders API v0</th><th>Orders API v2026-01-01</th><th>notes</th></tr>
 * <tr><td>orderId</td><td>{@code AmazonOrderId}</td><td>{@code orderId}</td>
 *     <td>required; must match {@link Ids#PATTERN}</td></tr>
 * <tr><td>marketplace</td><td>{@code MarketplaceId}</td><td>{@code salesChannel.marketplaceId}</td>
 *     <td>required; FR A13V1IB3VIYZZH, DE A1PA6795UKMFR9, ES A1RKKUPIHCS9HS, IT APJ6JRA9NG5V4,
 *     UK A1F83G8C2ARO7P, US ATVPDKIKX0DER, JP A1VC38T7YXB528; any other id is refused</td></tr>
 * <tr><td>orderedAt</td><td>{@code PurchaseDate}</td><td>{@code createdTime}</td>
 *     <td>required; ISO 8601 date-time with offset, 2000-01-01..2099-12-31 (UTC)</td></tr>
 * <tr><td>latestDeliveryAt</td><td>{@code LatestDeliveryDate}</td><td>{@code fulfillment.deliverByWindow.latestDateTime}</td>
 *     <td>null when absent (v0: seller-fulfilled orders only; v2026: no window, e.g. FBA or in-store pickup)</td></tr>
 * <tr><td>fulfilment</td><td>{@code FulfillmentChannel}: AFN → MARKETPLACE, MFN → SELLER</td>
 *     <td>{@code fulfillment.fulfilledBy}: AMAZON → MARKETPLACE, MERCHANT → SELLER</td>
 *     <td>required (v2026: request includedData FULFILLMENT)</td></tr>
 * <tr><td>orderTotal, currency</td><td>{@code OrderTotal.Amount}, {@code OrderTotal.CurrencyCode}
 *     ("The total charge for this order.")</td>
 *     <td>sum of {@code payment.paymentExecutions[].paymentAmount} (includedData PAYMENT);
 *     {@code proceeds.grandTotal} is never read</td>
 *     <td>null when absent; decimal text at the currency's scale (JPY none); the currency must be the marketplace's</td></tr>
 * <tr><td>shipment</td><td>(none: a v0 order carries no package)</td>
 *     <td>{@code packages[]}: {@code carrier}, tracked = {@code trackingNumber} present, trackingId = {@code trackingNumber}
 *     (when it has the form of an id), status from {@code packageStatus.status} / {@code packageStatus.detailedStatus}</td>
 *     <td>null when there is no package (v2026: FBM orders with includedData PACKAGES only)</td></tr>
 * <tr><td>orderStatus</td><td>{@code OrderStatus}, e.g. Shipped → SHIPPED, PartiallyShipped → PARTIALLY_SHIPPED</td>
 *     <td>{@code fulfillment.fulfillmentStatus}, e.g. SHIPPED, UNSHIPPED</td>
 *     <td>required; pending (Pending, PendingAvailability, PENDING, PENDING_AVAILABILITY) and canceled
 *     (Canceled, CANCELED, CANCELLED) orders are refused</td></tr>
 * </table>
 *
 * <p>Package status (v2026) → {@link CarrierStatus}: detailedStatus LOST ("Package location unknown or confirmed
 * lost") → LOST_IN_TRANSIT; detailedStatus REJECTED_BY_BUYER, UNDELIVERABLE, RETURNING_TO_SELLER,
 * RETURNED_TO_SELLER, DAMAGED or LABEL_CANCELLED → UNKNOWN (none of them clearly means a wrong address: the
 * model's UNDELIVERABLE is "address or access issues"); otherwise status DELIVERED → DELIVERED, IN_TRANSIT or
 * SHIPPED → IN_TRANSIT, anything else (PENDING, CANCELLED, UNDELIVERABLE, unknown, absent) → UNKNOWN. With
 * several packages the shipment describes the first one that is not DELIVERED, or the first one when all are.
 *
 * <p><b>Which v2026 amount is what the buyer paid.</b> The v2026-01-01 model has no order-level total of the
 * buyer's charge (v0's {@code OrderTotal}, "The total charge for this order."). {@code proceeds} is described as
 * "The money that the seller receives from the sale of the order." and {@code proceeds.grandTotal} as "The total
 * amount that the seller receives from the sale of the order." The only buyer-side money in the order is
 * {@code payment.paymentExecutions[].paymentAmount}: the {@code payment} object is "Payment information for the
 * order.", a {@code PaymentExecution} is "Payment execution details for an order." and its {@code paymentAmount}
 * is "The monetary value of the payment execution." Their sum is what the buyer paid (several executions when
 * the buyer split the payment, e.g. gift card and card). When {@code payment} is absent (not requested, or not
 * provided for the order), or an execution has no amount, the total is unknown: null, never the seller's proceeds.
 *
 * <p>Nothing else is read: buyer, recipient and addresses, items, tax, payment methods and all other fields are
 * never looked at, so they cannot reach the record or a log. Unknown fields are ignored (Amazon adds fields
 * over time). Refusals are {@link Refusal#invalid} naming the field path; their messages quote only field
 * names, fixed codes, and ids, codes, numbers or instants that passed a strict pattern or were parsed.
 */
public final class SpApiOrder {

    /** Amazon marketplace ids of the marketplaces the desk serves: the one place this table lives. */
    static final Map<String, Marketplace> MARKETPLACE_IDS;

    static {
        Map<String, Marketplace> ids = new LinkedHashMap<>();
        ids.put("A13V1IB3VIYZZH", Marketplace.FR);
        ids.put("A1PA6795UKMFR9", Marketplace.DE);
        ids.put("A1RKKUPIHCS9HS", Marketplace.ES);
        ids.put("APJ6JRA9NG5V4", Marketplace.IT);
        ids.put("A1F83G8C2ARO7P", Marketplace.UK);
        ids.put("ATVPDKIKX0DER", Marketplace.US);
        ids.put("A1VC38T7YXB528", Marketplace.JP);
        MARKETPLACE_IDS = Collections.unmodifiableMap(ids);
    }

    /** The order facts read from an SP-API order. */
    public record Mapped(
            String orderId,
            Marketplace marketplace,
            Instant orderedAt,
            Instant latestDeliveryAt,
            Fulfilment fulfilment,
            String orderTotal,
            String currency,
            Shipment shipment,
            String orderStatus) {

        public Mapped {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(marketplace, "marketplace");
            Objects.requireNonNull(orderedAt, "orderedAt");
            Objects.requireNonNull(fulfilment, "fulfilment");
            Objects.requireNonNull(orderStatus, "orderStatus");
            if ((orderTotal == null) != (currency == null)) {
                throw new IllegalArgumentException("orderTotal and currency go together");
            }
        }
    }

    /**
     * The parcel: carrier name (no personal data), whether it has a tracking number, the carrier's status, and its tracking
     * number as the case keeps it (null when absent or not in the form of an id).
     */
    public record Shipment(String carrier, boolean tracked, CarrierStatus status, String trackingId) {

        public Shipment {
            Objects.requireNonNull(status, "status");
        }
    }

    static final String ROOT = "spapiOrder";

    /** Keys only a v0 order has at its top level (v0 names are PascalCase, v2026 names camelCase). */
    private static final String[] V0_KEYS = {"AmazonOrderId", "PurchaseDate", "MarketplaceId", "OrderStatus", "FulfillmentChannel"};
    private static final String[] V2026_KEYS = {"orderId", "createdTime", "salesChannel", "fulfillment", "orderItems"};

    /** What a marketplace id may look like to be named back in a refusal. */
    private static final String MARKETPLACE_ID = "[A-Z0-9]{8,16}";
    private static final String STATUS = "[A-Za-z][A-Za-z_]{0,39}";
    private static final String CURRENCY = "[A-Z]{3}";
    /** As {@link EvaluateClaimInput.Shipment#carrier()} accepts it. */
    private static final String CARRIER = "[\\p{L}\\p{N} ._&'-]{1,64}";
    private static final String CARRIER_MESSAGE = "must be a carrier name: up to 64 letters, digits, spaces or . _ & ' -";
    private static final String INSTANT_MESSAGE = "must be an ISO 8601 date-time with an offset, such as 2024-12-25T09:15:00Z";

    private static final Instant FIRST = Inputs.EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST = Inputs.LATEST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private SpApiOrder() {
    }

    /** Maps one SP-API order (v0 or v2026-01-01, told apart by its keys), or throws a {@link Refusal}. */
    public static Mapped map(JsonNode order) {
        if (order == null || !order.isObject()) {
            throw neither();
        }
        boolean v0 = hasAny(order, V0_KEYS);
        boolean v2026 = hasAny(order, V2026_KEYS);
        if (v0 && !v2026) {
            return mapV0(order);
        }
        if (v2026 && !v0) {
            return mapV2026(order);
        }
        throw neither();
    }

    private static Mapped mapV0(JsonNode order) {
        String orderId = orderId(order, "AmazonOrderId");
        Marketplace marketplace = marketplace(order, "MarketplaceId");
        String status = status(order, "OrderStatus", "order status", "such as Shipped or Unshipped");
        Instant orderedAt = instant(order, true, "PurchaseDate");
        Fulfilment fulfilment = fulfilment(order, "AFN", "MFN", "FulfillmentChannel");
        Instant latestDeliveryAt = instant(order, false, "LatestDeliveryDate");
        Money total = null;
        JsonNode orderTotal = at(order, "OrderTotal");
        if (orderTotal != null) {
            total = money(order, marketplace, "OrderTotal", "Amount", "CurrencyCode");
        }
        return new Mapped(orderId, marketplace, orderedAt, latestDeliveryAt, fulfilment, amount(total), currency(total),
                null, status);
    }

    private static Mapped mapV2026(JsonNode order) {
        String orderId = orderId(order, "orderId");
        Marketplace marketplace = marketplace(order, "salesChannel", "marketplaceId");
        String status = status(order, "fulfillment.fulfillmentStatus", "fulfillment status",
                "such as SHIPPED or UNSHIPPED (request the order with includedData FULFILLMENT)");
        Instant orderedAt = instant(order, true, "createdTime");
        Fulfilment fulfilment = fulfilment(order, "AMAZON", "MERCHANT", "fulfillment", "fulfilledBy");
        Instant latestDeliveryAt = instant(order, false, "fulfillment", "deliverByWindow", "latestDateTime");
        Money total = paid(order, marketplace);
        return new Mapped(orderId, marketplace, orderedAt, latestDeliveryAt, fulfilment, amount(total), currency(total),
                shipment(order), status);
    }

    // ---- facts ----

    private static String orderId(JsonNode order, String key) {
        String id = requiredText(order, "an order id", key);
        if (!Fields.ID.matcher(id).matches()) {
            throw Refusal.invalid(field(key), field(key) + " " + Fields.ID_MESSAGE);
        }
        return id;
    }

    private static Marketplace marketplace(JsonNode order, String... path) {
        String id = requiredText(order, "an Amazon marketplace id such as " + idOf(Marketplace.FR), path);
        Marketplace marketplace = MARKETPLACE_IDS.get(id);
        if (marketplace == null) {
            throw Refusal.invalid(field(path), (id.matches(MARKETPLACE_ID) ? "marketplace id " + id : "an unknown marketplace id")
                    + " is not served; served: " + MARKETPLACE_IDS.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        }
        return marketplace;
    }

    /** The status, enum-like (PartiallyShipped becomes PARTIALLY_SHIPPED); pending and canceled orders are refused. */
    private static String status(JsonNode order, String dotted, String what, String example) {
        String[] path = dotted.split("\\.");
        String raw = requiredText(order, "the " + what + ", " + example, path);
        if (!raw.matches(STATUS)) {
            throw Refusal.invalid(field(path), field(path) + " must be a code " + example);
        }
        String status = raw.chars().anyMatch(Character::isLowerCase)
                ? raw.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
                : raw;
        switch (status) {
            case "PENDING", "PENDING_AVAILABILITY" -> throw Refusal.invalid(field(path), what + " " + raw
                    + ": Amazon has not confirmed the order yet, so it has no delivery window and cannot be claimed"
                    + " as not received; claim it once it is shipped");
            case "CANCELED", "CANCELLED" -> throw Refusal.invalid(field(path), what + " " + raw
                    + ": a canceled order is not shipped, so it cannot be \"not received\"");
            default -> {
                return status;
            }
        }
    }

    private static Fulfilment fulfilment(JsonNode order, String byMarketplace, String bySeller, String... path) {
        String expected = byMarketplace + " (fulfilled by Amazon) or " + bySeller + " (fulfilled by the seller)";
        String value = requiredText(order, expected, path);
        if (value.equals(byMarketplace)) {
            return Fulfilment.MARKETPLACE;
        }
        if (value.equals(bySeller)) {
            return Fulfilment.SELLER;
        }
        throw Refusal.invalid(field(path), field(path) + " must be " + expected);
    }

    /** The buyer's payment: the sum of the payment executions' amounts, or null when any is missing. */
    private static Money paid(JsonNode order, Marketplace marketplace) {
        JsonNode executions = at(order, "payment", "paymentExecutions");
        if (executions == null) {
            return null;
        }
        if (!executions.isArray()) {
            throw Refusal.invalid(field("payment", "paymentExecutions"), field("payment", "paymentExecutions") + " must be a list");
        }
        Money sum = null;
        for (int i = 0; i < executions.size(); i++) {
            String execution = "paymentExecutions[" + i + "]";
            if (at(executions.get(i), "paymentAmount") == null) {
                return null;
            }
            Money amount = money(order, marketplace, "payment." + execution + ".paymentAmount", "amount", "currencyCode");
            sum = sum == null ? amount : sum.plus(amount);
        }
        return sum;
    }

    /** A money object at {@code dotted} (indexes allowed), as text amount and currency code. */
    private static Money money(JsonNode order, Marketplace marketplace, String dotted, String amountKey, String currencyKey) {
        String[] path = dotted.split("\\.");
        String[] currencyPath = append(path, currencyKey);
        String[] amountPath = append(path, amountKey);
        String code = requiredText(order, "an ISO 4217 currency code such as EUR", currencyPath);
        if (!code.matches(CURRENCY)) {
            throw Refusal.invalid(field(currencyPath), field(currencyPath) + " must be an ISO 4217 code such as EUR");
        }
        Currency expected = marketplace.currency();
        if (!code.equals(expected.getCurrencyCode())) {
            throw Refusal.invalid(field(currencyPath), "currency " + code + " is not the currency of marketplace "
                    + marketplace + " (" + expected.getCurrencyCode() + ")");
        }
        String text = requiredText(order, "a decimal amount written as text, such as \"59.90\"", amountPath);
        if (!Fields.DECIMAL.matcher(text).matches()) {
            throw Refusal.invalid(field(amountPath), field(amountPath) + " " + Fields.DECIMAL_MESSAGE);
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() < 0) {
            throw Refusal.invalid(field(amountPath), field(amountPath) + " must not be negative");
        }
        return Money.of(field(amountPath), value, expected);
    }

    private static String amount(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }

    private static String currency(Money money) {
        return money == null ? null : money.currency().getCurrencyCode();
    }

    private static Shipment shipment(JsonNode order) {
        JsonNode packages = at(order, "packages");
        if (packages == null) {
            return null;
        }
        if (!packages.isArray()) {
            throw Refusal.invalid(field("packages"), field("packages") + " must be a list");
        }
        Shipment first = null;
        for (int i = 0; i < packages.size(); i++) {
            Shipment shipment = parcel(packages.get(i), i);
            if (shipment.status() != CarrierStatus.DELIVERED) {
                return shipment;
            }
            if (first == null) {
                first = shipment;
            }
        }
        return first;
    }

    private static Shipment parcel(JsonNode parcel, int index) {
        String[] carrierPath = {"packages[" + index + "]", "carrier"};
        JsonNode carrierNode = at(parcel, "carrier");
        String carrier = null;
        if (carrierNode != null) {
            if (!carrierNode.isTextual()) {
                throw Refusal.invalid(field(carrierPath), field(carrierPath) + " " + CARRIER_MESSAGE);
            }
            carrier = carrierNode.asText().strip();
            if (carrier.isEmpty()) {
                carrier = null;
            } else if (!carrier.matches(CARRIER)) {
                throw Refusal.invalid(field(carrierPath), field(carrierPath) + " " + CARRIER_MESSAGE);
            }
        }
        JsonNode tracking = at(parcel, "trackingNumber");
        boolean tracked = tracking != null && tracking.isTextual() && !tracking.asText().isBlank();
        String trackingId = tracked && Fields.ID.matcher(tracking.asText()).matches() ? tracking.asText() : null;
        return new Shipment(carrier, tracked, carrierStatus(code(at(parcel, "packageStatus", "status")),
                code(at(parcel, "packageStatus", "detailedStatus"))), trackingId);
    }

    /** v2026 package status (and detailed status) to the carrier status the policy knows. */
    static CarrierStatus carrierStatus(String status, String detailedStatus) {
        if (detailedStatus != null) {
            switch (detailedStatus) {
                case "LOST" -> {
                    return CarrierStatus.LOST_IN_TRANSIT;
                }
                case "REJECTED_BY_BUYER", "UNDELIVERABLE", "RETURNING_TO_SELLER", "RETURNED_TO_SELLER", "DAMAGED",
                        "LABEL_CANCELLED" -> {
                    return CarrierStatus.UNKNOWN;
                }
                default -> {
                    // the status decides
                }
            }
        }
        if (status == null) {
            return CarrierStatus.UNKNOWN;
        }
        return switch (status) {
            case "DELIVERED" -> CarrierStatus.DELIVERED;
            case "IN_TRANSIT", "SHIPPED" -> CarrierStatus.IN_TRANSIT;
            default -> CarrierStatus.UNKNOWN;
        };
    }

    private static String code(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    // ---- reading ----

    private static Instant instant(JsonNode order, boolean required, String... path) {
        JsonNode node = at(order, path);
        if (node == null) {
            if (required) {
                throw Refusal.invalid(field(path), field(path) + " is missing; expected an ISO 8601 date-time, such as 2024-12-25T09:15:00Z");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw Refusal.invalid(field(path), field(path) + " " + INSTANT_MESSAGE);
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(node.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field(path), field(path) + " " + INSTANT_MESSAGE);
        }
        if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
            throw Refusal.invalid(field(path), field(path) + " " + instant + " is outside the dates accepted, "
                    + Inputs.EARLIEST_DATE + " to " + Inputs.LATEST_DATE);
        }
        return instant;
    }

    /** Non-blank text at the path, or a refusal saying what was expected (never quoting what was there). */
    private static String requiredText(JsonNode order, String expected, String... path) {
        JsonNode node = at(order, path);
        if (node == null) {
            throw Refusal.invalid(field(path), field(path) + " is missing; expected " + expected);
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw Refusal.invalid(field(path), field(path) + " must be text: " + expected);
        }
        return node.asText();
    }

    /**
     * The node at a path of keys, where a key may end in {@code [i]} for an array element; null when any step is
     * missing or JSON null.
     */
    private static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            int bracket = step.indexOf('[');
            current = current.get(bracket < 0 ? step : step.substring(0, bracket));
            if (bracket >= 0 && current != null) {
                current = current.isArray() ? current.get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1))) : null;
            }
            if (current != null && current.isNull()) {
                current = null;
            }
        }
        return current;
    }

    private static boolean hasAny(JsonNode order, String[] keys) {
        for (String key : keys) {
            if (order.has(key)) {
                return true;
            }
        }
        return false;
    }

    private static String field(String... path) {
        return ROOT + "." + String.join(".", path);
    }

    private static String[] append(String[] path, String key) {
        String[] longer = Arrays.copyOf(path, path.length + 1);
        longer[path.length] = key;
        return longer;
    }

    private static String idOf(Marketplace marketplace) {
        return MARKETPLACE_IDS.entrySet().stream().filter(e -> e.getValue() == marketplace)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static Refusal neither() {
        return Refusal.invalid(ROOT, "neither an Orders API v0 order (AmazonOrderId, PurchaseDate, MarketplaceId, ...)"
                + " nor a v2026-01-01 order (orderId, createdTime, salesChannel, ...); pass the order object itself:"
                + " getOrder's payload or order, or one element of getOrders' payload.Orders or searchOrders' orders");
    }
}
