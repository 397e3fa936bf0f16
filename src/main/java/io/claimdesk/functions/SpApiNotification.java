package io.claimdesk.functions;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.OrderChange;

/**
 * Reads what the desk needs out of an SP-API notification, as Amazon puts it on the queue (the message body is the
 * notification itself), and nothing else:
 * <ul>
 * <li>{@code ORDER_CHANGE} (payload version 1.0, PascalCase): {@code Payload.OrderChangeNotification.AmazonOrderId},
 * {@code OrderChangeTrigger.TimeOfOrderChange} and, from its {@code Summary}: {@code MarketplaceId}, {@code OrderStatus},
 * {@code LatestDeliveryDate}, {@code FulfillmentType} (MFN, AFN) and {@code EasyShipShipmentStatus};</li>
 * <li>{@code SHIPMENT_TRACKING_MILESTONE_CHANGED} (payload version 2026-01-30, camelCase):
 * {@code payload.shipmentTrackingMilestoneChangedNotification.trackingDetail}: {@code identifier.aftn} and
 * {@code latestMilestone.status.code} and {@code .occurredAt};</li>
 * <li>any other type: its name only.</li>
 * </ul>
 * The envelope's {@code NotificationType} and {@code NotificationMetadata.NotificationId} are read in either spelling
 * (ORDER_CHANGE writes them in PascalCase, newer types in camelCase). The buyer's postal code, a milestone's city and
 * everything else are never looked at. A body that cannot be read is {@link Unreadable}, whose message names only the
 * field at fault, never a value: it is logged, and the body never is.
 */
final class SpApiNotification {

    static final String ORDER_CHANGE = "ORDER_CHANGE";
    static final String MILESTONE_CHANGED = "SHIPMENT_TRACKING_MILESTONE_CHANGED";

    /** What may be named back in a log: an id or a code, nothing longer or stranger. */
    private static final Pattern LOGGABLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,79}");

    private SpApiNotification() {
    }

    /** A notification read: its id (for the logs; null when it has none that can be logged) and what it says. */
    sealed interface Read permits OrderChanged, Milestone, Other {
        String notificationId();

        String type();
    }

    record OrderChanged(String notificationId, String orderId, OrderChange change) implements Read {
        public String type() {
            return ORDER_CHANGE;
        }
    }

    /** A tracking milestone of the shipment with Amazon's tracking id {@code aftn}; {@code code} as Amazon writes it. */
    record Milestone(String notificationId, String aftn, String code, Instant occurredAt) implements Read {
        public String type() {
            return MILESTONE_CHANGED;
        }

        boolean delivered() {
            return "DELIVERED".equals(code);
        }
    }

    record Other(String notificationId, String type) implements Read {
    }

    /** A body that is not a notification the desk can read; the message names the field, never its content. */
    static final class Unreadable extends Exception {
        Unreadable(String what) {
            super(what, null, false, false);
        }
    }

    static Read read(ObjectMapper json, String body) throws Unreadable {
        if (body == null || body.isBlank()) {
            throw new Unreadable("the message has no body");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Unreadable("the body is not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new Unreadable("the body cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("the body is not a JSON object");
        }
        String type = text(either(root, "NotificationType", "notificationType"));
        if (type == null || !LOGGABLE.matcher(type).matches()) {
            throw new Unreadable("NotificationType is missing or not a notification type");
        }
        JsonNode metadata = either(root, "NotificationMetadata", "notificationMetadata");
        String id = text(either(metadata, "NotificationId", "notificationId"));
        String notificationId = id != null && LOGGABLE.matcher(id).matches() ? id : null;
        return switch (type) {
            case ORDER_CHANGE -> orderChange(root, notificationId);
            case MILESTONE_CHANGED -> milestone(root, notificationId);
            default -> new Other(notificationId, type);
        };
    }

    private static OrderChanged orderChange(JsonNode root, String notificationId) throws Unreadable {
        JsonNode change = at(root, "Payload", "OrderChangeNotification");
        if (change == null || !change.isObject()) {
            throw new Unreadable("Payload.OrderChangeNotification is missing");
        }
        String orderId = text(change.get("AmazonOrderId"));
        if (orderId == null || !Fields.ID.matcher(orderId).matches()) {
            throw new Unreadable("Payload.OrderChangeNotification.AmazonOrderId is missing or not an order id");
        }
        Instant changedAt = instant(at(change, "OrderChangeTrigger", "TimeOfOrderChange"),
                "Payload.OrderChangeNotification.OrderChangeTrigger.TimeOfOrderChange", true);
        JsonNode summary = change.get("Summary");
        if (summary == null || !summary.isObject()) {
            throw new Unreadable("Payload.OrderChangeNotification.Summary is missing");
        }
        String summaryPath = "Payload.OrderChangeNotification.Summary.";
        Marketplace marketplace = SpApiOrder.MARKETPLACE_IDS.get(text(summary.get("MarketplaceId")));
        Instant latestDelivery = instant(summary.get("LatestDeliveryDate"), summaryPath + "LatestDeliveryDate", false);
        Fulfilment fulfilment = switch (String.valueOf(text(summary.get("FulfillmentType")))) {
            case "MFN" -> Fulfilment.SELLER;
            case "AFN" -> Fulfilment.MARKETPLACE;
            default -> null;
        };
        boolean easyShipDelivered = "Delivered".equalsIgnoreCase(String.valueOf(text(summary.get("EasyShipShipmentStatus"))));
        return new OrderChanged(notificationId, orderId, new OrderChange(changedAt, marketplace,
                status(text(summary.get("OrderStatus"))), latestDelivery, fulfilment, easyShipDelivered));
    }

    /** Amazon's order status ({@code Pending}, {@code Unshipped}, {@code Shipped}, {@code Canceled}, ...). */
    static OrderChange.Status status(String status) {
        if (status == null) {
            return OrderChange.Status.OTHER;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "pending" -> OrderChange.Status.PENDING;
            case "unshipped" -> OrderChange.Status.UNSHIPPED;
            case "partiallyshipped" -> OrderChange.Status.PARTIALLY_SHIPPED;
            case "shipped" -> OrderChange.Status.SHIPPED;
            case "canceled", "cancelled" -> OrderChange.Status.CANCELED;
            default -> OrderChange.Status.OTHER;
        };
    }

    private static Read milestone(JsonNode root, String notificationId) throws Unreadable {
        String path = "payload.shipmentTrackingMilestoneChangedNotification.trackingDetail";
        JsonNode detail = at(root, "payload", "shipmentTrackingMilestoneChangedNotification", "trackingDetail");
        if (detail == null || !detail.isObject()) {
            throw new Unreadable(path + " is missing");
        }
        String code = text(at(detail, "latestMilestone", "status", "code"));
        if (code == null || !LOGGABLE.matcher(code).matches()) {
            throw new Unreadable(path + ".latestMilestone.status.code is missing or not a code");
        }
        Instant occurredAt = instant(at(detail, "latestMilestone", "occurredAt"), path + ".latestMilestone.occurredAt", true);
        String aftn = text(at(detail, "identifier", "aftn"));
        if (aftn != null && !Fields.ID.matcher(aftn).matches()) {
            throw new Unreadable(path + ".identifier.aftn is not a tracking id");
        }
        return new Milestone(notificationId, aftn, code, occurredAt);
    }

    private static JsonNode either(JsonNode node, String pascal, String camel) {
        if (node == null) {
            return null;
        }
        return node.has(pascal) ? node.get(pascal) : node.get(camel);
    }

    private static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String key : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(key);
        }
        return current;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static Instant instant(JsonNode node, String path, boolean required) throws Unreadable {
        if (node == null || node.isNull()) {
            if (required) {
                throw new Unreadable(path + " is missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new Unreadable(path + " is not a date-time");
        }
        try {
            return OffsetDateTime.parse(node.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new Unreadable(path + " is not an ISO 8601 date-time with an offset");
        }
    }
}
