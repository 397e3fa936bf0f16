package io.claimdesk.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A change of a case that the desk tells the world about (Amazon EventBridge, source {@value #SOURCE}): which
 * history entry it is, what happened, the status before and after, the rules, and the next attention the case
 * had once the change was made. Only codes, dates and rules: no free text, no buyer data. Each is read from the
 * history entry that recorded the change ({@link #of}), so the same entry always makes the same announcement,
 * however often it is published.
 *
 * <p>Which events are announced, and under which detail-type, is {@link #detailType}: every refund, arrival,
 * late-arrival follow-up and claim event the functions record, a cancellation Amazon reported, and every change the
 * sweep makes. Opening a case and correcting its facts are not announced.
 *
 * @param index      the position of the history entry this announces (0 is the case's opening), which with the
 *                   order id makes the announcement's stable id
 * @param from       the status before the change (null for a new case)
 * @param closeReason why the case is closed after the change, or null
 * @param next       the case's next attention after the change, or null when it needs none
 */
public record Announcement(int index, Lifecycle.Event event, Instant at, CaseStatus from, CaseStatus to,
                           CloseReason closeReason, List<Rule> rules, Attention next) {

    /** The EventBridge source of every announcement. */
    public static final String SOURCE = "claim-desk";

    /** The sweep's reminders that the seller has something to do: what the sample alert rule forwards. */
    public static final Set<Lifecycle.Event> NEEDS_ATTENTION = Set.of(Lifecycle.Event.CLAIM_WINDOW_OPENED,
            Lifecycle.Event.CLAIM_RESPONSE_DUE, Lifecycle.Event.LATE_ARRIVAL_FOLLOW_UP);

    public Announcement {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(to, "to");
        rules = List.copyOf(rules);
        if (detailType(event).isEmpty()) {
            throw new IllegalArgumentException(event + " is not announced");
        }
    }

    /** The EventBridge detail-type of an event, or empty when the event is not announced. */
    public static Optional<String> detailType(Lifecycle.Event event) {
        return Optional.ofNullable(switch (event) {
            case CASE_OPENED, FACTS_UPDATED -> null;
            case REFUND_RECORDED -> "Refund recorded";
            case ARRIVAL_REPORTED -> "Arrival reported";
            case CLAIM_FILED -> "Claim filed";
            case CLAIM_GRANTED -> "Claim granted";
            case CLAIM_DENIED -> "Claim denied";
            case CLAIM_WITHDRAWN -> "Claim withdrawn";
            case CLAIM_ANSWERED -> "Claim answered";
            case CASE_SET_ASIDE -> "Case set aside";
            case CONSENT_GIVEN -> "Consent given";
            case CONSENT_REFUSED -> "Consent refused";
            case RETURN_RECEIVED -> "Return received";
            case REPLACEMENT_ORDERED -> "Replacement ordered";
            case CLAIM_WINDOW_OPENED -> "Claim window opened";
            case CLAIM_RESPONSE_DUE -> "Claim response due";
            case CLAIM_DEADLINE_PASSED -> "Claim deadline passed";
            case LATE_ARRIVAL_FOLLOW_UP -> "Late-arrival follow-up due";
            case LATE_ARRIVAL_EXPIRED -> "Late arrival expired";
            case APPEAL_PERIOD_ENDED -> "Appeal period ended";
            case ORDER_CANCELLED -> "Order cancelled";
        });
    }

    public String detailType() {
        return detailType(event).orElseThrow();
    }

    /**
     * The announcement of the history entry at {@code index}, if its event is announced and the entry says where it left
     * the case (entries recorded before that was kept do not, and are not announced again).
     */
    public static Optional<Announcement> of(int index, HistoryEntry entry) {
        Optional<Lifecycle.Event> event = Arrays.stream(Lifecycle.Event.values()).filter(e -> e.name().equals(entry.event())).findFirst();
        if (event.isEmpty() || detailType(event.get()).isEmpty() || entry.statusAfter() == null) {
            return Optional.empty();
        }
        return Optional.of(new Announcement(index, event.get(), entry.at(), entry.statusBefore(), entry.statusAfter(),
                entry.closeReason(), entry.rules(), entry.next()));
    }

    /**
     * The announcements of the entries one change added to a case's history, oldest first: those of {@code after}'s
     * history past the length of {@code before}'s ({@code before} null: the case is new).
     */
    public static List<Announcement> added(ClaimCase before, ClaimCase after) {
        return inHistory(after, before == null ? 0 : before.history().size());
    }

    /** The announcements of a case's history from the entry at {@code from} on, oldest first. */
    public static List<Announcement> inHistory(ClaimCase c, int from) {
        List<Announcement> announced = new ArrayList<>();
        for (int i = Math.max(0, from); i < c.history().size(); i++) {
            of(i, c.history().get(i)).ifPresent(announced::add);
        }
        return List.copyOf(announced);
    }

    /** The stable id of the announcement of one history entry: what a consumer de-duplicates on. */
    public static String id(String orderId, int index) {
        return orderId + "/" + index;
    }
}
