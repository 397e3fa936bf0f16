package io.claimdesk.functions;

import com.fasterxml.jackson.databind.JsonNode;
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

    static JsonNode refund(ClaimFunctions functions, String orderId, String refundId, String amount, boolean reorder) {
        return Answers.json(functions.recordRefund(Events.refund(orderId)
                .put("refundId", refundId).put("amount", amount).put("reorderRequested", reorder)));
    }
}
