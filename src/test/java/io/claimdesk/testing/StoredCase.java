package io.claimdesk.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.claimdesk.cases.CaseTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A case exactly as it is stored, read beside the application: the tests' one way to read a case from the table.
 * Two reads are equal when the item is unchanged, attribute for attribute.
 */
public record StoredCase(Map<String, AttributeValue> item) {

    /** The stored item of one case (a strongly consistent read); an empty item if there is no case. */
    public static StoredCase of(String orderId) {
        var response = Table.client().getItem(b -> b.tableName(Table.NAME).consistentRead(true)
                .key(Map.of(CaseTable.ORDER_ID, AttributeValue.fromS(orderId))));
        return new StoredCase(response.hasItem() ? Map.copyOf(response.item()) : Map.of());
    }

    public boolean exists() {
        return !item.isEmpty();
    }

    public long version() {
        return Long.parseLong(item.get("version").n());
    }

    public String status() {
        return item.get("status").s();
    }

    /** Why the case is closed, or null while it is not. */
    public String closeReason() {
        return attribute("closeReason");
    }

    public BigDecimal orderTotal() {
        return new BigDecimal(item.get("orderTotal").n());
    }

    /** The stored refunds, in the order they were recorded. */
    private List<Map<String, AttributeValue>> refunds() {
        AttributeValue refunds = item.get("refunds");
        return refunds == null ? List.of() : refunds.l().stream().map(AttributeValue::m).toList();
    }

    /** The stored refunds' ids, in the order they were recorded (a list: an id stored twice would show twice). */
    public List<String> refundIds() {
        return refunds().stream().map(r -> r.get("refundId").s()).toList();
    }

    public BigDecimal refundAmount(String refundId) {
        List<BigDecimal> amounts = refunds().stream().filter(r -> r.get("refundId").s().equals(refundId))
                .map(r -> new BigDecimal(r.get("amount").n())).toList();
        if (amounts.size() != 1) {
            throw new AssertionError("refund " + refundId + " is stored " + amounts.size() + " times: " + item.get("refunds"));
        }
        return amounts.get(0);
    }

    /** The sum of the stored refunds' amounts. */
    public BigDecimal refunded() {
        return refunds().stream().map(r -> new BigDecimal(r.get("amount").n())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What is left to refund, from what the item holds: the order total less every stored refund (not stored itself). */
    public BigDecimal remaining() {
        return orderTotal().subtract(refunded());
    }

    /** The stored arrival reports' sources (CARRIER, BUYER, SELLER), in the order they were recorded. */
    public List<String> arrivalSources() {
        AttributeValue arrivals = item.get("arrivals");
        return arrivals == null ? List.of() : arrivals.l().stream().map(a -> a.m().get("source").s()).toList();
    }

    /** The history's events, oldest first. */
    public List<String> events() {
        return item.get("history").l().stream().map(h -> h.m().get("event").s()).toList();
    }

    public long count(String event) {
        return events().stream().filter(event::equals).count();
    }

    /** The arguments of the first statement of the history entry at {@code index} (e.g. a refund's id and amount). */
    public List<String> args(int index) {
        return item.get("history").l().get(index).m().get("says").l().get(0).m().get("args").l().stream()
                .map(AttributeValue::s).toList();
    }

    public String attribute(String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s() != null ? v.s() : v.n() != null ? v.n() : String.valueOf(v.bool());
    }
}
