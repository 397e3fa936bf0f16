package io.claimdesk.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.claimdesk.policy.Arrival;
import io.claimdesk.policy.ArrivalSource;
import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.CaseStatus;
import io.claimdesk.policy.Attention;
import io.claimdesk.policy.Claim;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.ClaimOutcome;
import io.claimdesk.policy.CloseReason;
import io.claimdesk.policy.FollowUp;
import io.claimdesk.policy.FollowUps;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.HistoryEntry;
import io.claimdesk.policy.Lifecycle;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Message;
import io.claimdesk.policy.Money;
import io.claimdesk.policy.Notices;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.Refund;
import io.claimdesk.policy.RefundLedger;
import io.claimdesk.policy.Rule;
import io.claimdesk.policy.Shipment;
import io.claimdesk.policy.SetAside;
import io.claimdesk.policy.Statement;
import io.claimdesk.policy.Todos;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a case to one DynamoDB item and back; every attribute name is declared here and nowhere else.
 * Lists keep their order (refunds, arrivals, history), so a case read back equals the case written.
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
    static final String CLAIMS_PROTECTED = "claimsProtected";
    static final String SHIPPED_ON_TIME = "shippedOnTime";
    static final String SET_ASIDE = "setAside";
    static final String REPORTED_ON = "reportedOn";
    static final String REFUNDS = "refunds";
    static final String ARRIVALS = "arrivals";
    static final String CONSENT = "consent";
    static final String RETURN_RECEIVED = "returnReceived";
    static final String REPLACEMENT_ORDER_ID = "replacementOrderId";
    static final String CLAIM = "claim";
    static final String NOTED = "noted";
    static final String SWEPT_THROUGH = "sweptThrough";
    static final String HISTORY = "history";
    /** What Amazon's notifications told; absent until one did. */
    static final String NOTICES = "notices";

    // Inside a refund.
    static final String R_ID = "refundId";
    static final String R_AMOUNT = "amount";
    static final String R_FULL = "full";
    static final String R_REORDER = "reorder";
    static final String R_REASON = "reason";
    static final String R_REFUNDED_ON = "refundedOn";
    // Inside an arrival.
    static final String A_DELIVERED_ON = "deliveredOn";
    static final String A_SOURCE = "source";
    static final String A_RECORDED_ON = "recordedOn";
    // Inside the claim.
    static final String C_FILED_ON = "filedOn";
    static final String C_REFERENCE = "reference";
    static final String C_RECORDED_ON = "recordedOn";
    static final String C_OUTCOME = "outcome";
    static final String C_DECIDED_ON = "decidedOn";
    static final String C_FILED_AT = "filedAt";
    static final String C_RESPOND_BY = "respondBy";
    static final String C_RESPONDED_AT = "respondedAt";
    // Inside a set-aside.
    static final String SA_UNTIL = "until";
    static final String SA_NOTE = "note";
    static final String SA_RECORDED_ON = "recordedOn";
    // Inside a history entry and its statements.
    static final String H_AT = "at";
    static final String H_BY = "by";
    static final String H_EVENT = "event";
    static final String H_RULES = "rules";
    static final String H_SAYS = "says";
    static final String S_RULE = "rule";
    static final String S_MESSAGE = "message";
    static final String S_ARGS = "args";
    // Inside a history entry, where it left the case (absent in entries recorded before they were kept).
    static final String H_STATUS_BEFORE = "statusBefore";
    static final String H_STATUS_AFTER = "statusAfter";
    static final String H_CLOSE_REASON = "closeReason";
    static final String H_NEXT = "next";
    // Inside the notices.
    static final String N_ORDER_CHANGED_AT = "orderChangedAt";
    static final String N_MILESTONE_AT = "milestoneAt";
    static final String N_CANCELLED_ON = "cancelledOn";

    private CaseItems() {
    }

    static Map<String, AttributeValue> toItem(ClaimCase c, long version, long retentionDays) {
        Map<String, AttributeValue> item = new HashMap<>();
        OrderFacts f = c.facts();
        item.put(CaseTable.ORDER_ID, s(c.orderId()));
        item.put(VERSION, n(version));
        item.put(STATUS, s(c.status().name()));
        putIfPresent(item, CLOSE_REASON, c.closeReason());
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
        // Written only when true: an item stored before these existed reads as false, as it was.
        if (f.shipment().claimsProtected()) {
            item.put(CLAIMS_PROTECTED, AttributeValue.fromBool(true));
        }
        if (f.shipment().shippedOnTime()) {
            item.put(SHIPPED_ON_TIME, AttributeValue.fromBool(true));
        }
        // Top level, so that the tracking index finds the case by it.
        putIfPresent(item, CaseTable.TRACKING_ID, f.shipment().trackingId());
        putIfPresent(item, REPORTED_ON, f.reportedOn());
        item.put(REFUNDS, list(c.ledger().refunds(), r -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put(R_ID, s(r.refundId()));
            m.put(R_AMOUNT, n(r.amount().amount()));
            m.put(R_FULL, AttributeValue.fromBool(r.requestedFull()));
            m.put(R_REORDER, AttributeValue.fromBool(r.reorderRequested()));
            putIfPresent(m, R_REASON, r.reason());
            m.put(R_REFUNDED_ON, s(r.refundedOn().toString()));
            return m;
        }));
        item.put(ARRIVALS, list(c.arrivals(), a -> Map.of(
                A_DELIVERED_ON, s(a.deliveredOn().toString()),
                A_SOURCE, s(a.source().name()),
                A_RECORDED_ON, s(a.recordedOn().toString()))));
        putIfPresent(item, CONSENT, c.followUps().consent());
        item.put(RETURN_RECEIVED, AttributeValue.fromBool(c.followUps().returnReceived()));
        putIfPresent(item, REPLACEMENT_ORDER_ID, c.followUps().replacementOrderId());
        if (c.claim() != null) {
            Claim claim = c.claim();
            Map<String, AttributeValue> m = new HashMap<>();
            m.put(C_FILED_ON, s(claim.filedOn().toString()));
            putIfPresent(m, C_REFERENCE, claim.reference());
            m.put(C_RECORDED_ON, s(claim.recordedOn().toString()));
            putIfPresent(m, C_OUTCOME, claim.outcome());
            putIfPresent(m, C_DECIDED_ON, claim.decidedOn());
            putIfPresent(m, C_FILED_AT, claim.filedAt());
            putIfPresent(m, C_RESPOND_BY, claim.respondBy());
            putIfPresent(m, C_RESPONDED_AT, claim.respondedAt());
            item.put(CLAIM, AttributeValue.fromM(m));
        }
        if (c.setAside() != null) {
            item.put(SET_ASIDE, AttributeValue.fromM(Map.of(SA_UNTIL, s(c.setAside().until().toString()),
                    SA_NOTE, s(c.setAside().note().name()), SA_RECORDED_ON, s(c.setAside().recordedOn().toString()))));
        }
        item.put(NOTED, AttributeValue.fromL(c.noted().stream().map(Attention::key).sorted().map(CaseItems::s).toList()));
        putIfPresent(item, SWEPT_THROUGH, c.sweptThrough());
        dueOn(c).ifPresent(on -> {
            item.put(CaseTable.DUE_SHARD, s(CaseTable.shardOf(c.orderId())));
            item.put(CaseTable.DUE_ON, s(on.toString()));
        });
        Todos.listedFrom(c).ifPresent(on -> {
            item.put(CaseTable.Index.TODO.shardAttribute(), s(CaseTable.Index.TODO.shardOf(c.orderId())));
            item.put(CaseTable.Index.TODO.dayAttribute(), s(on.toString()));
        });
        if (!c.notices().equals(Notices.NONE)) {
            Map<String, AttributeValue> m = new HashMap<>();
            putIfPresent(m, N_ORDER_CHANGED_AT, c.notices().orderChangedAt());
            putIfPresent(m, N_MILESTONE_AT, c.notices().milestoneAt());
            putIfPresent(m, N_CANCELLED_ON, c.notices().cancelledOn());
            item.put(NOTICES, AttributeValue.fromM(m));
        }
        if (c.closedOn() != null) {
            long expires = c.closedOn().plusDays(retentionDays).atStartOfDay(f.marketplace().zone()).toEpochSecond();
            item.put(CaseTable.TTL_ATTRIBUTE, n(expires));
        }
        item.put(HISTORY, list(c.history(), e -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put(H_AT, s(e.at().toString()));
            m.put(H_BY, s(e.by()));
            m.put(H_EVENT, s(e.event()));
            m.put(H_RULES, AttributeValue.fromL(e.rules().stream().map(r -> s(r.name())).toList()));
            m.put(H_SAYS, list(e.statements(), st -> Map.of(
                    S_RULE, s(st.rule().name()),
                    S_MESSAGE, s(st.message().name()),
                    S_ARGS, AttributeValue.fromL(st.args().stream().map(CaseItems::s).toList()))));
            putIfPresent(m, H_STATUS_BEFORE, e.statusBefore());
            putIfPresent(m, H_STATUS_AFTER, e.statusAfter());
            putIfPresent(m, H_CLOSE_REASON, e.closeReason());
            putIfPresent(m, H_NEXT, e.next() == null ? null : e.next().key());
            return m;
        }));
        return item;
    }

    static ClaimCase fromItem(Map<String, AttributeValue> item) {
        Marketplace marketplace = Marketplace.valueOf(str(item, MARKETPLACE));
        Currency currency = Currency.getInstance(str(item, CURRENCY));
        Money total = money(item, ORDER_TOTAL, currency);
        OrderFacts facts = new OrderFacts(
                str(item, CaseTable.ORDER_ID),
                marketplace,
                Fulfilment.valueOf(str(item, FULFILMENT)),
                date(item, ORDER_DATE),
                date(item, MAX_DELIVERY_DATE),
                date(item, SERVICE_DATE),
                total,
                new Shipment(str(item, CARRIER), bool(item, TRACKED), bool(item, INSURED),
                        CarrierStatus.valueOf(str(item, CARRIER_STATUS)), bool(item, CLAIMS_PROTECTED), bool(item, SHIPPED_ON_TIME),
                        str(item, CaseTable.TRACKING_ID)),
                date(item, REPORTED_ON));
        List<Refund> refunds = maps(item, REFUNDS).stream().map(r -> new Refund(str(r, R_ID), money(r, R_AMOUNT, currency),
                bool(r, R_FULL), bool(r, R_REORDER), str(r, R_REASON), date(r, R_REFUNDED_ON))).toList();
        List<Arrival> arrivals = maps(item, ARRIVALS).stream().map(a -> new Arrival(date(a, A_DELIVERED_ON),
                ArrivalSource.valueOf(str(a, A_SOURCE)), date(a, A_RECORDED_ON))).toList();
        Claim claim = null;
        if (item.containsKey(CLAIM)) {
            Map<String, AttributeValue> m = item.get(CLAIM).m();
            claim = new Claim(date(m, C_FILED_ON), instant(m, C_FILED_AT), str(m, C_REFERENCE), date(m, C_RECORDED_ON),
                    instant(m, C_RESPOND_BY), instant(m, C_RESPONDED_AT), enumOf(ClaimOutcome.class, str(m, C_OUTCOME)),
                    date(m, C_DECIDED_ON));
        }
        Set<Attention> noted = new HashSet<>();
        item.getOrDefault(NOTED, AttributeValue.fromL(List.of())).l().forEach(v -> noted.add(Attention.ofKey(v.s())));
        List<HistoryEntry> history = maps(item, HISTORY).stream().map(h -> new HistoryEntry(Instant.parse(str(h, H_AT)),
                str(h, H_BY), str(h, H_EVENT),
                h.get(H_RULES).l().stream().map(r -> Rule.valueOf(r.s())).toList(),
                maps(h, H_SAYS).stream().map(st -> new Statement(Rule.valueOf(str(st, S_RULE)),
                        Message.valueOf(str(st, S_MESSAGE)), st.get(S_ARGS).l().stream().map(AttributeValue::s).toList())).toList(),
                enumOf(CaseStatus.class, str(h, H_STATUS_BEFORE)), enumOf(CaseStatus.class, str(h, H_STATUS_AFTER)),
                enumOf(CloseReason.class, str(h, H_CLOSE_REASON)), h.containsKey(H_NEXT) ? Attention.ofKey(str(h, H_NEXT)) : null))
                .toList();
        Notices notices = Notices.NONE;
        if (item.containsKey(NOTICES)) {
            Map<String, AttributeValue> m = item.get(NOTICES).m();
            notices = new Notices(instant(m, N_ORDER_CHANGED_AT), instant(m, N_MILESTONE_AT), date(m, N_CANCELLED_ON));
        }
        SetAside setAside = null;
        if (item.containsKey(SET_ASIDE)) {
            Map<String, AttributeValue> m = item.get(SET_ASIDE).m();
            setAside = new SetAside(date(m, SA_UNTIL), SetAside.Note.valueOf(str(m, SA_NOTE)), date(m, SA_RECORDED_ON));
        }
        return new ClaimCase(facts, CaseStatus.valueOf(str(item, STATUS)),
                enumOf(CloseReason.class, str(item, CLOSE_REASON)), date(item, CLOSED_ON),
                new RefundLedger(total, refunds), arrivals,
                new FollowUps(enumOf(FollowUp.class, str(item, CONSENT)), bool(item, RETURN_RECEIVED), str(item, REPLACEMENT_ORDER_ID)),
                claim, noted, date(item, SWEPT_THROUGH), Long.parseLong(item.get(VERSION).n()), history, setAside, notices);
    }

    /** The day the case is due in the due index: its next attention. */
    static Optional<LocalDate> dueOn(ClaimCase c) {
        return c.nextAttention().map(Attention::on);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(Object number) {
        return AttributeValue.fromN(number instanceof BigDecimal d ? d.toPlainString() : String.valueOf(number));
    }

    private static <T> AttributeValue list(List<T> values, Function<T, Map<String, AttributeValue>> toMap) {
        return AttributeValue.fromL(values.stream().map(v -> AttributeValue.fromM(toMap.apply(v))).toList());
    }

    private static List<Map<String, AttributeValue>> maps(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? List.of() : v.l().stream().map(AttributeValue::m).toList();
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
        if (value != null) {
            item.put(name, s(value instanceof Enum<?> e ? e.name() : value.toString()));
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

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    private static Money money(Map<String, AttributeValue> item, String name, Currency currency) {
        return Money.of(name, new BigDecimal(item.get(name).n()), currency);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
