package io.claimdesk.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimdesk.policy.Arrival;
import io.claimdesk.policy.ArrivalSource;
import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.CaseStatus;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.CloseReason;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.HistoryEntry;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Message;
import io.claimdesk.policy.Money;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.Refund;
import io.claimdesk.policy.RefundLedger;
import io.claimdesk.policy.Rule;
import io.claimdesk.policy.Shipment;
import io.claimdesk.policy.Statement;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a case to one DynamoDB item and back. Refunds live in a map keyed by refund id and
 * {@code remaining} is kept beside them, so a refund can be recorded with one conditional UpdateItem.
 */
final class CaseItems {

    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String CLOSE_REASON = "closeReason";
    static final String CLOSED_ON = "closedOn";
    static final String MARKETPLACE = "marketplace";
    static final String FULFILMENT = "fulfilment";
    static final String ORDER_DATE = "orderDate";
    static final String MAX_DELIVERY_DATE = "maxDeliveryDate";
    static final String SERVICE_DATE = "serviceDate";
    static final String ORDER_TOTAL = "orderTotal";
    static final String CURRENCY = "currency";
    static final String CARRIER = "carrier";
    static final String TRACKED = "tracked";
    static final String INSURED = "insured";
    static final String CARRIER_STATUS = "carrierStatus";
    static final String REPORTED_ON = "reportedOn";
    static final String REMAINING = "remaining";
    static final String REFUNDS = "refunds";
    static final String ARRIVAL = "arrival";
    static final String ATTENDED_THROUGH = "attendedThrough";
    static final String DUE_KIND = "dueKind";
    static final String HISTORY = "history";

    // Refund map entry fields. refundedOn is only stored when the caller gave it; otherwise it is the
    // date of recordedAt in the marketplace's zone, which the single-UpdateItem path cannot know.
    static final String R_AMOUNT = "amount";
    static final String R_FULL = "full";
    static final String R_REORDER = "reorder";
    static final String R_REASON = "reason";
    static final String R_REFUNDED_ON = "refundedOn";
    static final String R_RECORDED_AT = "recordedAt";

    private CaseItems() {
    }

    static Map<String, AttributeValue> toItem(ClaimCase c, long version, long retentionDays) {
        Map<String, AttributeValue> item = new HashMap<>();
        OrderFacts f = c.facts();
        item.put(CaseTable.ORDER_ID, s(c.orderId()));
        item.put(VERSION, n(version));
        item.put(STATUS, s(c.status().name()));
        putIfPresent(item, CLOSE_REASON, c.closeReason() == null ? null : c.closeReason().name());
        putIfPresent(item, CLOSED_ON, c.closedOn());
        item.put(MARKETPLACE, s(f.marketplace().name()));
        item.put(FULFILMENT, s(f.fulfilment().name()));
        item.put(ORDER_DATE, s(f.orderDate().toString()));
        putIfPresent(item, MAX_DELIVERY_DATE, f.maxDeliveryDate());
        putIfPresent(item, SERVICE_DATE, f.serviceDate());
        item.put(ORDER_TOTAL, n(f.orderTotal().amount()));
        item.put(CURRENCY, s(f.orderTotal().currency().getCurrencyCode()));
        putIfPresent(item, CARRIER, f.shipment().carrier());
        item.put(TRACKED, AttributeValue.fromBool(f.shipment().tracked()));
        item.put(INSURED, AttributeValue.fromBool(f.shipment().insured()));
        item.put(CARRIER_STATUS, s(f.shipment().status().name()));
        putIfPresent(item, REPORTED_ON, f.reportedOn());
        item.put(REMAINING, n(c.ledger().remaining().amount()));
        Map<String, AttributeValue> refunds = new HashMap<>();
        for (Refund r : c.ledger().refunds()) {
            refunds.put(r.refundId(), AttributeValue.fromM(refundEntry(r.amount().amount(), r.requestedFull(),
                    r.reorderRequested(), r.reason(), r.refundedOn(), null)));
        }
        item.put(REFUNDS, AttributeValue.fromM(refunds));
        if (c.arrival() != null) {
            item.put(ARRIVAL, AttributeValue.fromM(Map.of(
                    "deliveredOn", s(c.arrival().deliveredOn().toString()),
                    "source", s(c.arrival().source().name()),
                    "recordedOn", s(c.arrival().recordedOn().toString()))));
        }
        putIfPresent(item, ATTENDED_THROUGH, c.attendedThrough());
        c.nextAttention().ifPresent(a -> {
            item.put(CaseTable.DUE_SHARD, s(CaseTable.shardOf(c.orderId())));
            item.put(CaseTable.DUE_ON, s(a.on().toString()));
            item.put(DUE_KIND, s(a.kind().name()));
        });
        if (c.closedOn() != null) {
            long expires = c.closedOn().plusDays(retentionDays).atStartOfDay(f.marketplace().zone()).toEpochSecond();
            item.put(CaseTable.TTL_ATTRIBUTE, n(expires));
        }
        item.put(HISTORY, AttributeValue.fromL(c.history().stream().map(CaseItems::historyEntry).toList()));
        return item;
    }

    /** A refund as stored in the refunds map; {@code refundedOn} null means "the day of recordedAt". */
    static Map<String, AttributeValue> refundEntry(BigDecimal amount, boolean full, boolean reorder, String reason,
                                                   LocalDate refundedOn, Instant recordedAt) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(R_AMOUNT, n(amount));
        m.put(R_FULL, AttributeValue.fromBool(full));
        m.put(R_REORDER, AttributeValue.fromBool(reorder));
        putIfPresent(m, R_REASON, reason);
        putIfPresent(m, R_REFUNDED_ON, refundedOn);
        putIfPresent(m, R_RECORDED_AT, recordedAt == null ? null : recordedAt.toString());
        return m;
    }

    static AttributeValue historyEntry(HistoryEntry e) {
        return AttributeValue.fromM(Map.of(
                "at", s(e.at().toString()),
                "by", s(e.by()),
                "event", s(e.event()),
                "rules", AttributeValue.fromL(e.rules().stream().map(r -> s(r.name())).toList()),
                "says", AttributeValue.fromL(e.statements().stream().map(st -> AttributeValue.fromM(Map.of(
                        "rule", s(st.rule().name()),
                        "message", s(st.message().name()),
                        "args", AttributeValue.fromL(st.args().stream().map(CaseItems::s).toList())))).toList())));
    }

    static ClaimCase fromItem(Map<String, AttributeValue> item) {
        Marketplace marketplace = Marketplace.valueOf(str(item, MARKETPLACE));
        var currency = java.util.Currency.getInstance(str(item, CURRENCY));
        Money total = Money.of(ORDER_TOTAL, new BigDecimal(item.get(ORDER_TOTAL).n()), currency);
        OrderFacts facts = new OrderFacts(
                str(item, CaseTable.ORDER_ID),
                marketplace,
                Fulfilment.valueOf(str(item, FULFILMENT)),
                date(item, ORDER_DATE),
                date(item, MAX_DELIVERY_DATE),
                date(item, SERVICE_DATE),
                total,
                new Shipment(str(item, CARRIER), bool(item, TRACKED), bool(item, INSURED),
                        CarrierStatus.valueOf(str(item, CARRIER_STATUS))),
                date(item, REPORTED_ON));
        List<Refund> refunds = new ArrayList<>();
        List<Instant> recordedAt = new ArrayList<>();
        item.getOrDefault(REFUNDS, AttributeValue.fromM(Map.of())).m().forEach((id, v) -> {
            Map<String, AttributeValue> r = v.m();
            Instant at = r.containsKey(R_RECORDED_AT) ? Instant.parse(r.get(R_RECORDED_AT).s()) : Instant.EPOCH;
            LocalDate on = r.containsKey(R_REFUNDED_ON) ? LocalDate.parse(r.get(R_REFUNDED_ON).s()) : marketplace.dateOf(at);
            refunds.add(new Refund(id, Money.of(R_AMOUNT, new BigDecimal(r.get(R_AMOUNT).n()), currency),
                    r.get(R_FULL).bool(), r.get(R_REORDER).bool(), str(r, R_REASON), on));
        });
        // A map has no order: list refunds by date, then id, so views and decisions are stable.
        refunds.sort(Comparator.comparing(Refund::refundedOn).thenComparing(Refund::refundId));
        Arrival arrival = null;
        if (item.containsKey(ARRIVAL)) {
            Map<String, AttributeValue> a = item.get(ARRIVAL).m();
            arrival = new Arrival(date(a, "deliveredOn"), ArrivalSource.valueOf(str(a, "source")), date(a, "recordedOn"));
        }
        List<HistoryEntry> history = item.getOrDefault(HISTORY, AttributeValue.fromL(List.of())).l().stream()
                .map(v -> {
                    Map<String, AttributeValue> h = v.m();
                    return new HistoryEntry(Instant.parse(str(h, "at")), str(h, "by"), str(h, "event"),
                            h.get("rules").l().stream().map(r -> Rule.valueOf(r.s())).toList(),
                            h.get("says").l().stream().map(sv -> {
                                Map<String, AttributeValue> st = sv.m();
                                return new Statement(Rule.valueOf(str(st, "rule")), Message.valueOf(str(st, "message")),
                                        st.get("args").l().stream().map(AttributeValue::s).toList());
                            }).toList());
                }).toList();
        String closeReason = str(item, CLOSE_REASON);
        return new ClaimCase(facts, CaseStatus.valueOf(str(item, STATUS)),
                closeReason == null ? null : CloseReason.valueOf(closeReason), date(item, CLOSED_ON),
                new RefundLedger(total, refunds), arrival, date(item, ATTENDED_THROUGH),
                Long.parseLong(item.get(VERSION).n()), history);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(Object number) {
        return AttributeValue.fromN(number instanceof BigDecimal d ? d.toPlainString() : String.valueOf(number));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    private static LocalDate date(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : LocalDate.parse(v);
    }
}
