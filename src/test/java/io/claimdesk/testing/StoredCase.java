package io.claimdesk.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A case exactly as it is stored, read beside the application with {@link Table#item(String)}. */
public record StoredCase(Map<String, AttributeValue> item) {

    public static StoredCase of(String orderId) {
        return new StoredCase(Table.item(orderId));
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

    public BigDecimal remaining() {
        return new BigDecimal(item.get("remaining").n());
    }

    public Set<String> refundIds() {
        return item.get("refunds").m().keySet();
    }

    public BigDecimal refundAmount(String refundId) {
        return new BigDecimal(item.get("refunds").m().get(refundId).m().get("amount").n());
    }

    public boolean hasArrival() {
        return item.containsKey("arrival");
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
