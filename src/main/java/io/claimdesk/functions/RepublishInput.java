package io.claimdesk.functions;

/**
 * publishChanges invoked directly by an operator: publish again the events of the case of {@code orderId}, from its
 * history entry {@code fromIndex} on (0 when absent), under the ids they were first published with.
 */
public record RepublishInput(String orderId, Integer fromIndex) {

    public RepublishInput {
        Fields.id("orderId", orderId);
        Fields.required("orderId", orderId);
        Fields.range("fromIndex", fromIndex, 0, io.claimdesk.policy.ClaimCase.MAX_HISTORY);
    }
}
