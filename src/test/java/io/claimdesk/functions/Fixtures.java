package io.claimdesk.functions;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;

/**
 * Puts a case in the state a test needs by calling the functions' Java methods directly (the profile
 * exports only the function under test; the others are still beans of the same application).
 */
final class Fixtures {

    private Fixtures() {
    }

    static JsonNode openCase(ClaimFunctions functions, String orderId) {
        return Answers.json(functions.evaluateClaim(Events.evaluate(orderId)));
    }

    /** Evaluates {@code event} as is (new facts, a claim). */
    static JsonNode evaluate(ClaimFunctions functions, ObjectNode event) {
        return Events.JSON.valueToTree(functions.evaluateClaim(event));
    }

    /**
     * Opens a case for an order placed {@code daysAgo} days ago (in Paris) and due to arrive 5 days after it,
     * so that its claim window and deadline fall where the test needs them relative to today.
     */
    static JsonNode openRecentCase(ClaimFunctions functions, String orderId, int daysAgo) {
        LocalDate ordered = Events.todayInParis().minusDays(daysAgo);
        ObjectNode event = Events.evaluate(orderId).put("orderDate", ordered.toString())
                .put("maxDeliveryDate", ordered.plusDays(5).toString()).put("reportedOn", ordered.toString());
        event.remove("asOf");
        return evaluate(functions, event);
    }

    static JsonNode refund(ClaimFunctions functions, String orderId, String refundId, String amount, boolean reorder) {
        return Answers.json(functions.recordRefund(Events.refund(orderId)
                .put("refundId", refundId).put("amount", amount).put("reorderRequested", reorder)));
    }

    /** A refund of {@code amount} made on {@code refundedOn}. */
    static JsonNode refundOn(ClaimFunctions functions, String orderId, String refundId, String amount, boolean reorder,
                             LocalDate refundedOn) {
        return Events.JSON.valueToTree(functions.recordRefund(Events.refund(orderId).put("refundId", refundId)
                .put("amount", amount).put("reorderRequested", reorder).put("refundedOn", refundedOn.toString())));
    }

    /** An arrival report, and the decision it got ({@code arrival}). */
    static JsonNode arrival(ClaimFunctions functions, String orderId, LocalDate deliveredOn, String source) {
        return Events.JSON.valueToTree(functions.flagLateArrival(Events.arrival(orderId)
                .put("deliveredOn", deliveredOn.toString()).put("source", source))).path("arrival");
    }
}
