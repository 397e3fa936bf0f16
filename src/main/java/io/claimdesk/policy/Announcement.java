package io.claimdesk.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A change of a case that the desk tells the world about (Amazon EventBridge, source {@value #SOURCE}): which
 * history entry it is, what happened, the status before and after, the rules, and the next attention the case
 * had once the change was made. Only codes, dates and rules: no free text, no buyer data.
 *
 * <p>Which events are announced, and under which detail-type, is {@link #detailType}: every refund, arrival,
 * late-arrival follow-up and claim event the functions record, and every change the sweep makes. Opening a case
 * and correcting its facts are not announced.
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
        });
    }

    public String detailType() {
        return detailType(event).orElseThrow();
    }

    /** The stable id of the announcement of one history entry: what a consumer de-duplicates on. */
    public static String id(String orderId, int index) {
        return orderId + "/" + index;
    }
}
