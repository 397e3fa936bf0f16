package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.claimdesk.testing.DynamoDbCalls;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FaultInjector;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.LogCapture;
import io.claimdesk.testing.NotificationQueue;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * spapiNotifications through the Lambda mock event server, given batches read from an SQS queue of the local engine
 * (received, handed over as Lambda's SQS event, deleted unless answered as failed: what the event source mapping does).
 * The notifications are Amazon's own samples ({@code src/test/resources/spapi/}), with only their ids and dates
 * adapted to a case that exists.
 */
@QuarkusTest
@TestProfile(FunctionProfile.SpApiNotifications.class)
class SpApiNotificationsFunctionTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    /** What the samples say of the buyer's place (the order's postal code, the milestones' cities): never logged. */
    private static final List<String> BUYER_PLACES = List.of("48110", "Austin", "Buda", "Texas");

    @Inject
    ClaimFunctions functions;

    @AfterEach
    void disarm() {
        FaultInjector.disarm();
    }

    private static LocalDate todayInLosAngeles() {
        return LocalDate.now(LOS_ANGELES);
    }

    /** A US seller-fulfilled order of 25.00 USD, ordered 20 days ago, expected 10 days ago, tracked under {@code aftn}. */
    private String usCase(String aftn) {
        String orderId = Events.newOrderId();
        LocalDate today = todayInLosAngeles();
        ObjectNode order = Events.JSON.createObjectNode().put("orderId", orderId).put("marketplace", "US")
                .put("fulfilment", "SELLER").put("orderDate", today.minusDays(20).toString())
                .put("maxDeliveryDate", today.minusDays(10).toString()).put("orderTotal", "25.00").put("currency", "USD");
        ObjectNode shipment = order.putObject("shipment").put("carrier", "Amazon Shipping").put("tracking", true);
        if (aftn != null) {
            shipment.put("trackingId", aftn);
        }
        assertThat(Answers.json(functions.evaluateClaim(order)).path("orderId").asText()).isEqualTo(orderId);
        return orderId;
    }

    private static ObjectNode sample(String name) {
        try {
            return (ObjectNode) Events.JSON.readTree(Files.readString(Path.of("src/test/resources/spapi", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every date-time in the JSON moved by the same amount, so the sample keeps its own spacing of dates. */
    private static void shift(JsonNode node, Duration by) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() && field.getValue().asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
                    field.setValue(new TextNode(Instant.parse(field.getValue().asText()).plus(by).toString()));
                } else {
                    shift(field.getValue(), by);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> shift(element, by));
        }
    }

    /** Amazon's ORDER_CHANGE sample for this order, its change made at {@code changedAt}, every date moved with it. */
    static ObjectNode orderChange(String orderId, Instant changedAt) {
        ObjectNode n = sample("notification-ORDER_CHANGE-example.json");
        ObjectNode change = (ObjectNode) n.path("Payload").path("OrderChangeNotification");
        change.put("AmazonOrderId", orderId);
        shift(n, Duration.between(Instant.parse(change.path("OrderChangeTrigger").path("TimeOfOrderChange").asText()), changedAt));
        return n;
    }

    /** Amazon's SHIPMENT_TRACKING_MILESTONE_CHANGED sample for the shipment {@code aftn}, delivered at {@code deliveredAt}. */
    static ObjectNode milestone(String aftn, Instant deliveredAt) {
        ObjectNode n = sample("notification-SHIPMENT_TRACKING_MILESTONE_CHANGED-example.json");
        ObjectNode detail = (ObjectNode) n.path("payload").path("shipmentTrackingMilestoneChangedNotification").path("trackingDetail");
        ((ObjectNode) detail.path("identifier")).put("aftn", aftn);
        detail.put("trackingUrl", "https://www.swiship.com/track?id=" + aftn);
        shift(n, Duration.between(Instant.parse(detail.path("latestMilestone").path("occurredAt").asText()), deliveredAt));
        return n;
    }

    private static String newAftn() {
        return "AFTN" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    /** Yesterday in Los Angeles at the sample's own time of day (19:42:04.284 UTC, 11:42 or 12:42 there). */
    private static Instant yesterdayAtTheSamplesTime() {
        return todayInLosAngeles().minusDays(1).atTime(19, 42, 4, 284_000_000).toInstant(ZoneOffset.UTC);
    }

    /** Sends the bodies to a queue of its own, hands the batch to the function, settles it as Lambda would; the answer. */
    private static JsonNode deliver(NotificationQueue queue, String... bodies) {
        queue.send(bodies);
        List<Message> batch = queue.receive();
        assertThat(batch).hasSize(bodies.length);
        JsonNode answer = Lambda.ok(queue.event(batch));
        queue.settle(batch, answer);
        return answer;
    }

    private static NotificationQueue newQueue() {
        return NotificationQueue.create("notifications-" + ThreadLocalRandom.current().nextInt(1_000_000), 1, 2);
    }

    private static List<String> failed(JsonNode answer) {
        return java.util.stream.StreamSupport.stream(answer.path("batchItemFailures").spliterator(), false)
                .map(f -> f.path("itemIdentifier").asText()).toList();
    }

    @Test
    void amazonsOrderChangeSampleMovesTheWindowAndIsACarriersDeliveryReportAndAgainChangesNothing() {
        String orderId = usCase(null);
        Instant changedAt = yesterdayAtTheSamplesTime();
        ObjectNode notification = orderChange(orderId, changedAt);
        // The sample's LatestDeliveryDate is 8 days after its change; its Easy Ship shipment is "Delivered".
        LocalDate latestDelivery = changedAt.plus(Duration.ofDays(8)).atZone(LOS_ANGELES).toLocalDate();
        NotificationQueue queue = newQueue();

        JsonNode answer = deliver(queue, notification.toString());

        assertThat(failed(answer)).isEmpty();
        StoredCase c = StoredCase.of(orderId);
        assertThat(c.events()).containsExactly("CASE_OPENED", "FACTS_UPDATED", "ARRIVAL_REPORTED");
        assertThat(c.attribute("maxDeliveryDate")).isEqualTo(latestDelivery.toString());
        assertThat(c.arrivalSources()).containsExactly("CARRIER");
        assertThat(c.item().get("arrivals").l().get(0).m().get("deliveredOn").s())
                .isEqualTo(todayInLosAngeles().minusDays(1).toString());
        assertThat(c.status()).as("a carrier's report is the seller's evidence, not the buyer's receipt").isEqualTo("OPEN");
        // The window as R6 counts it from the new date: opens 3 days after it (earlier than 30 days after the order).
        JsonNode view = Answers.json(functions.caseDesk(Events.JSON.createObjectNode().put("orderId", orderId)));
        assertThat(view.toString()).contains("\"" + latestDelivery.plusDays(3) + "\"").contains("\"" + latestDelivery.plusDays(90) + "\"");

        DynamoDbCalls.reset();
        assertThat(failed(deliver(queue, notification.toString()))).isEmpty();
        assertThat(StoredCase.of(orderId)).as("delivered again: nothing changes").isEqualTo(c);
        assertThat(DynamoDbCalls.calls()).as("a duplicate is one read").containsExactly("GetItem");
    }

    @Test
    void amazonsTrackingSampleIsACarriersDeliveryReportForTheCaseWithItsTrackingIdAndAgainChangesNothing() {
        String aftn = newAftn();
        String orderId = usCase(aftn);
        String other = usCase(newAftn());
        // Amazon's sample: DELIVERED at 01:26:56 UTC, which is the evening before in Los Angeles.
        Instant deliveredAt = todayInLosAngeles().atTime(1, 26, 56).toInstant(ZoneOffset.UTC);
        NotificationQueue queue = newQueue();

        DynamoDbCalls.reset();
        JsonNode answer = deliver(queue, milestone(aftn, deliveredAt).toString());

        assertThat(failed(answer)).isEmpty();
        StoredCase c = StoredCase.of(orderId);
        assertThat(c.events()).containsExactly("CASE_OPENED", "ARRIVAL_REPORTED");
        assertThat(c.item().get("arrivals").l().get(0).m().get("deliveredOn").s())
                .isEqualTo(deliveredAt.atZone(LOS_ANGELES).toLocalDate().toString());
        assertThat(StoredCase.of(other).events()).as("another shipment's case").containsExactly("CASE_OPENED");
        assertThat(DynamoDbCalls.calls()).as("found through the tracking index, never a Scan")
                .containsExactly("Query", "GetItem", "PutItem");

        assertThat(failed(deliver(queue, milestone(aftn, deliveredAt).toString()))).isEmpty();
        assertThat(failed(deliver(queue, milestone(aftn, deliveredAt.minusSeconds(3600)).toString()))).isEmpty();
        assertThat(StoredCase.of(orderId)).as("again, or an older one: nothing changes").isEqualTo(c);
    }

    @Test
    void aBatchWithOneUnreadableMessageReportsExactlyThatOneAppliesTheOthersAndLogsNoBody() {
        String aftn = newAftn();
        String changed = usCase(null);
        String tracked = usCase(aftn);
        String unreadable = "{\"NotificationType\": \"ORDER_CHANGE\", \"Payload\": {\"DestinationPostalCode\": \"48110\", "
                + "\"city\": \"Austin\"";
        NotificationQueue queue = newQueue();
        queue.send(orderChange(changed, yesterdayAtTheSamplesTime()).toString(), unreadable,
                milestone(aftn, todayInLosAngeles().atTime(1, 26, 56).toInstant(ZoneOffset.UTC)).toString());
        List<Message> batch = queue.receive();
        String unreadableId = batch.stream().filter(m -> m.body().equals(unreadable)).findFirst().orElseThrow().messageId();

        JsonNode answer;
        try (LogCapture logs = LogCapture.start()) {
            answer = Lambda.ok(queue.event(batch));
            queue.settle(batch, answer);
            String logged = String.join("\n", logs.lines().stream().map(LogCapture.Line::text).toList());
            assertThat(logged).contains(unreadableId).contains("the body is not JSON");
            BUYER_PLACES.forEach(place -> assertThat(logged).as("no buyer data in the logs").doesNotContain(place));
            assertThat(logged).doesNotContain(unreadable).doesNotContain("DestinationPostalCode");
            // Each notification is logged by its id, in either spelling: ORDER_CHANGE's PascalCase, the milestone's camelCase.
            assertThat(logged).contains("notification d0e9e693-c3ad-4373-979f-ed4ec98dd746 (ORDER_CHANGE)")
                    .contains("notification 6712e8e5-b365-4cb1-9fd8-be9dfc6d5bda (SHIPMENT_TRACKING_MILESTONE_CHANGED)");
            assertThat(logs.lines()).filteredOn(l -> l.text().startsWith("spapiNotifications done:"))
                    .as("the whole batch in one invocation: Funqy's per-message handling is off").singleElement()
                    .satisfies(l -> assertThat(l.text()).contains("3 message(s), 1 to retry"));
        }

        assertThat(failed(answer)).containsExactly(unreadableId);
        assertThat(StoredCase.of(changed).events()).contains("FACTS_UPDATED", "ARRIVAL_REPORTED");
        assertThat(StoredCase.of(tracked).events()).contains("ARRIVAL_REPORTED");

        // The queue delivers it again; reported again, it goes to the dead-letter queue after the queue's receives (2).
        for (int i = 0; i < 20 && queue.deadLetters().isEmpty(); i++) {
            List<Message> again = queue.receive();
            if (!again.isEmpty()) {
                assertThat(again).extracting(Message::messageId).containsExactly(unreadableId);
                queue.settle(again, Lambda.ok(queue.event(again)));
            }
            sleep(Duration.ofMillis(500));
        }
        assertThat(queue.deadLetters()).containsExactly(unreadable);
    }

    @Test
    void aCancelledOrderIsRecordedAndPutOnTheToDoListNotClosed() {
        String orderId = usCase(null);
        Instant changedAt = yesterdayAtTheSamplesTime();
        ObjectNode notification = orderChange(orderId, changedAt);
        ObjectNode summary = (ObjectNode) notification.path("Payload").path("OrderChangeNotification").path("Summary");
        summary.put("OrderStatus", "Canceled");
        summary.put("EasyShipShipmentStatus", "PendingPickUp");

        assertThat(failed(deliver(newQueue(), notification.toString()))).isEmpty();

        StoredCase c = StoredCase.of(orderId);
        assertThat(c.events()).containsExactly("CASE_OPENED", "FACTS_UPDATED", "ORDER_CANCELLED");
        assertThat(c.status()).isEqualTo("OPEN");
        String cancelledOn = todayInLosAngeles().minusDays(1).toString();
        JsonNode listed = Answers.json(functions.caseDesk(Events.JSON.createObjectNode().put("orderId", orderId)));
        assertThat(listed.toString()).contains("CHECK_CANCELLED_ORDER");
        // Cancelled yesterday, the case opened today: the list holds it from the cancellation's day.
        assertThat(c.item().get("todoOn").s()).as("on the to-do list from the day Amazon reported it").isEqualTo(cancelledOn);
    }

    @Test
    void aChangeOlderThanTheLastAppliedChangesNothingAndAnOrderWithoutACaseOrAnotherTypeIsSkipped() {
        String orderId = usCase(null);
        NotificationQueue queue = newQueue();
        Instant newer = yesterdayAtTheSamplesTime();
        assertThat(failed(deliver(queue, orderChange(orderId, newer).toString()))).isEmpty();
        StoredCase after = StoredCase.of(orderId);

        ObjectNode older = orderChange(orderId, newer.minus(Duration.ofHours(5)));
        ((ObjectNode) older.path("Payload").path("OrderChangeNotification").path("Summary")).put("OrderStatus", "Canceled");
        String unknownOrder = orderChange(Events.newOrderId(), newer).toString();
        String otherType = "{\"notificationVersion\":\"1.0\",\"notificationType\":\"ANY_OFFER_CHANGED\",\"payload\":{},"
                + "\"notificationMetadata\":{\"notificationId\":\"n-other-1\"}}";

        try (LogCapture logs = LogCapture.start()) {
            assertThat(failed(deliver(queue, older.toString(), unknownOrder, otherType))).isEmpty();
            String logged = String.join("\n", logs.lines().stream().map(LogCapture.Line::text).toList());
            assertThat(logged).contains("no later than what was last applied; nothing changed").contains("; skipped")
                    .contains("notification n-other-1 (ANY_OFFER_CHANGED): not a type the desk reads; skipped");
        }
        assertThat(StoredCase.of(orderId)).as("an older change, cancelled or not, changes nothing").isEqualTo(after);
    }

    @Test
    void aMessageTheStoreCannotTakeNowIsReportedAndTheOthersApplied() {
        String first = usCase(null);
        String second = usCase(null);
        FaultInjector.throttleCalls(1, "GetItem");

        JsonNode answer = deliver(newQueue(), orderChange(first, yesterdayAtTheSamplesTime()).toString(),
                orderChange(second, yesterdayAtTheSamplesTime()).toString());

        assertThat(failed(answer)).hasSize(1);
        List<String> applied = List.of(first, second).stream().filter(o -> StoredCase.of(o).events().contains("FACTS_UPDATED")).toList();
        assertThat(applied).as("one applied, the other to be delivered again").hasSize(1);
    }

    @Test
    void theReadmesSampleNotificationMovesTheWalkthroughOrdersWindowAndRecordsItsEasyShipDelivery() {
        // The README's section on notifications: the walkthrough's order under another id, then events/notification-order-change.json.
        String orderId = "171-5550124-7654321";
        if (!StoredCase.of(orderId).exists()) {
            Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
        }

        assertThat(failed(deliver(newQueue(), Events.load("notification-order-change.json").toString()))).isEmpty();

        StoredCase c = StoredCase.of(orderId);
        assertThat(c.events()).containsExactly("CASE_OPENED", "FACTS_UPDATED", "ARRIVAL_REPORTED");
        // LatestDeliveryDate 2026-03-11T22:59:59Z is 23:59:59 on 11 March in Paris; the change, 17:00 on 9 March.
        assertThat(c.attribute("maxDeliveryDate")).isEqualTo("2026-03-11");
        assertThat(c.item().get("arrivals").l().get(0).m().get("deliveredOn").s()).isEqualTo("2026-03-09");
        assertThat(c.arrivalSources()).containsExactly("CARRIER");
        JsonNode view = Answers.json(functions.caseDesk(Events.JSON.createObjectNode().put("orderId", orderId)));
        // opens min(11 Mar + 3, 1 Mar + 30) = 14 Mar; deadline 11 Mar + 90 days = 9 Jun
        assertThat(view.toString()).contains("\"2026-03-14\"").contains("\"2026-06-09\"");
    }

    @Test
    void anythingButAnSqsEventIsRefusedNotStackTraced() {
        assertThat(Lambda.refusal(Events.JSON.createObjectNode().put("orderId", "171-0000000-0000001")).path("refusal")
                .path("field").asText()).isEqualTo("Records");
        assertThat(Lambda.refusal(Events.load("evaluate-claim.json")).path("refusal").path("code").asText())
                .isEqualTo("VALIDATION_FAILED");
        Map<String, Object> http = Map.of("version", "2.0", "routeKey", "POST /claims/evaluate", "rawPath", "/claims/evaluate",
                "requestContext", Map.of("http", Map.of("method", "POST", "path", "/claims/evaluate")), "body", "{}");
        assertThat(Lambda.ok(http).path("statusCode").asInt()).as("an API request to a function with no route").isEqualTo(404);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
