package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.OrderChange;

/** Reading SP-API notifications: Amazon's two samples, both spellings of the envelope, and what callers leave out. */
class SpApiNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode sample(String name) throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/spapi", name)));
    }

    private static SpApiNotification.Read read(JsonNode body) throws SpApiNotification.Unreadable {
        return SpApiNotification.read(JSON, body.toString());
    }

    @Test
    void readsAmazonsOrderChangeSampleAndNothingOfItsBuyer() throws Exception {
        SpApiNotification.Read read = read(sample("notification-ORDER_CHANGE-example.json"));

        assertThat(read).isInstanceOfSatisfying(SpApiNotification.OrderChanged.class, o -> {
            assertThat(o.notificationId()).isEqualTo("d0e9e693-c3ad-4373-979f-ed4ec98dd746");
            assertThat(o.orderId()).isEqualTo("903-8868176-2219830");
            assertThat(o.change()).isEqualTo(new OrderChange(Instant.parse("2022-11-29T19:42:04.284Z"), Marketplace.US,
                    OrderChange.Status.UNSHIPPED, Instant.parse("2022-12-07T19:42:04.284Z"), Fulfilment.SELLER, true));
        });
        assertThat(read.toString()).doesNotContain("48110");
    }

    @Test
    void readsAmazonsTrackingSampleByItsAftnAndNothingOfWhereItWent() throws Exception {
        SpApiNotification.Read read = read(sample("notification-SHIPMENT_TRACKING_MILESTONE_CHANGED-example.json"));

        assertThat(read).isEqualTo(new SpApiNotification.Milestone("6712e8e5-b365-4cb1-9fd8-be9dfc6d5bda", "AFTN987654321",
                "DELIVERED", Instant.parse("2026-06-14T01:26:56Z")));
        assertThat(((SpApiNotification.Milestone) read).delivered()).isTrue();
        assertThat(read.toString()).doesNotContain("Austin").doesNotContain("Texas");
    }

    @Test
    void readsTheEnvelopeInEitherSpelling() throws Exception {
        ObjectNode camel = sample("notification-ORDER_CHANGE-example.json");
        camel.set("notificationType", camel.remove("NotificationType"));
        camel.set("notificationMetadata", camel.remove("NotificationMetadata"));
        ((ObjectNode) camel.get("notificationMetadata")).set("notificationId",
                ((ObjectNode) camel.get("notificationMetadata")).remove("NotificationId"));
        assertThat(read(camel).notificationId()).isEqualTo("d0e9e693-c3ad-4373-979f-ed4ec98dd746");
        assertThat(read(camel)).isInstanceOf(SpApiNotification.OrderChanged.class);
    }

    @Test
    void anotherTypeIsReadByItsNameAndIdOnly() throws Exception {
        JsonNode offer = JSON.readTree("{\"notificationType\":\"ANY_OFFER_CHANGED\",\"payload\":{\"x\":1},"
                + "\"notificationMetadata\":{\"notificationId\":\"abc-1\"}}");
        assertThat(read(offer)).isEqualTo(new SpApiNotification.Other("abc-1", "ANY_OFFER_CHANGED"));
    }

    @Test
    void aNotificationWithoutAnIdToLogIsStillRead() throws Exception {
        ObjectNode n = sample("notification-ORDER_CHANGE-example.json");
        n.remove("NotificationMetadata");
        assertThat(read(n).notificationId()).isNull();
        ObjectNode odd = sample("notification-ORDER_CHANGE-example.json");
        ((ObjectNode) odd.get("NotificationMetadata")).put("NotificationId", "Jeanne Dupont, 12 rue des Lilas");
        assertThat(read(odd).notificationId()).as("not something to log").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no body|",
            "not JSON|{\"NotificationType\": \"ORDER_CHANGE\", 48110 Austin",
            "not an object|[\"ORDER_CHANGE\", \"48110\"]",
            "no type|{\"Payload\": {\"city\": \"Austin\"}}",
            "a type that is not one|{\"NotificationType\": \"Jeanne Dupont 48110\"}",
            "ORDER_CHANGE without its payload|{\"NotificationType\": \"ORDER_CHANGE\"}",
            "a milestone without its detail|{\"notificationType\": \"SHIPMENT_TRACKING_MILESTONE_CHANGED\", \"payload\": {}}"})
    void aBodyThatIsNoNotificationIsUnreadableAndTheReasonQuotesNothingOfIt(String what, String body) {
        assertThatThrownBy(() -> SpApiNotification.read(JSON, body)).isInstanceOfSatisfying(SpApiNotification.Unreadable.class,
                e -> assertThat(e.getMessage()).doesNotContain("48110").doesNotContain("Austin").doesNotContain("Jeanne"));
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"AmazonOrderId", "OrderChangeTrigger", "Summary"})
    void anOrderChangeWithoutWhatTheDeskNeedsIsUnreadableNamingTheField(String field) throws Exception {
        ObjectNode n = sample("notification-ORDER_CHANGE-example.json");
        ((ObjectNode) n.at("/Payload/OrderChangeNotification")).remove(field);
        assertThatThrownBy(() -> read(n)).isInstanceOfSatisfying(SpApiNotification.Unreadable.class,
                e -> assertThat(e.getMessage()).contains(field));
    }

    @Test
    void anOrderChangeWithDatesOrIdsOfTheWrongFormIsUnreadable() throws Exception {
        ObjectNode date = sample("notification-ORDER_CHANGE-example.json");
        ((ObjectNode) date.at("/Payload/OrderChangeNotification/Summary")).put("LatestDeliveryDate", "7 December 2022");
        ObjectNode id = sample("notification-ORDER_CHANGE-example.json");
        ((ObjectNode) id.at("/Payload/OrderChangeNotification")).put("AmazonOrderId", "903 8868176 {}");
        for (JsonNode n : List.of(date, id)) {
            assertThatThrownBy(() -> read(n)).isInstanceOf(SpApiNotification.Unreadable.class);
        }
    }

    @Test
    void whatAnOrderChangeLeavesOutIsNotChanged() throws Exception {
        ObjectNode n = sample("notification-ORDER_CHANGE-example.json");
        ObjectNode summary = (ObjectNode) n.at("/Payload/OrderChangeNotification/Summary");
        summary.remove(List.of("MarketplaceId", "LatestDeliveryDate", "FulfillmentType", "EasyShipShipmentStatus", "OrderStatus"));
        OrderChange change = ((SpApiNotification.OrderChanged) read(n)).change();
        assertThat(change).isEqualTo(new OrderChange(Instant.parse("2022-11-29T19:42:04.284Z"), null, OrderChange.Status.OTHER,
                null, null, false));
    }

    @Test
    void aMilestoneWithoutAnAftnIsReadAndFindsNoCase() throws Exception {
        ObjectNode n = sample("notification-SHIPMENT_TRACKING_MILESTONE_CHANGED-example.json");
        ((ObjectNode) n.at("/payload/shipmentTrackingMilestoneChangedNotification/trackingDetail/identifier")).removeAll()
                .putObject("carrierTracking").put("trackingNumber", "1Z999AA1234567890");
        assertThat(((SpApiNotification.Milestone) read(n)).aftn()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Pending, PENDING", "Unshipped, UNSHIPPED", "PartiallyShipped, PARTIALLY_SHIPPED", "Shipped, SHIPPED",
            "Canceled, CANCELED", "Unfulfillable, OTHER", "InvoiceUnconfirmed, OTHER", "PendingAvailability, OTHER"})
    void amazonsOrderStatuses(String amazon, OrderChange.Status status) {
        assertThat(SpApiNotification.status(amazon)).isEqualTo(status);
    }
}
