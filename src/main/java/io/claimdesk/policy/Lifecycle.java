package io.claimdesk.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.claimdesk.policy.CaseStatus.CLAIM_FILED;
import static io.claimdesk.policy.CaseStatus.CLOSED;
import static io.claimdesk.policy.CaseStatus.LATE_ARRIVAL_FLAGGED;
import static io.claimdesk.policy.CaseStatus.OPEN;

/**
 * The life of a case, in one place. The seed's story: the buyer reports the order not received; the seller
 * talks to the buyer (R1, R5), may refund in full or in part, with or without a reorder (R3, R7); the buyer
 * may file an A-to-z Guarantee claim, even late (R6); the original parcel may turn up after a refund, and then
 * Amazon may charge the buyer again with their consent (R3) or the seller arranges its return (R7).
 *
 * <p>{@link #standingOf} derives the status from what the case holds, so a status can never disagree with the
 * facts behind it. {@link Event} lists every event, who records it, the rules behind it and every move between
 * statuses it may make; a change that would make any other move is a bug and fails loudly ({@link #require}).
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** A status and, when closed, why. */
    public record Standing(CaseStatus status, CloseReason closeReason) {
    }

    /** A move between statuses; {@code from} is null for a new case. */
    public record Move(CaseStatus from, CaseStatus to) {
    }

    /** Every event of a case's life, what records it, its rules, and the moves it may make. */
    public enum Event {
        CASE_OPENED("evaluateClaim, first call for an order", List.of(Rule.R1), "->OPEN"),
        FACTS_UPDATED("evaluateClaim with changed order facts, or spapiNotifications with an order change", List.of(Rule.R6),
                "OPEN->OPEN", "OPEN->CLOSED", "CLOSED->OPEN", "CLOSED->CLOSED", "CLAIM_FILED->CLAIM_FILED",
                "LATE_ARRIVAL_FLAGGED->LATE_ARRIVAL_FLAGGED"),
        /** A refund dated before a recorded arrival makes it a late arrival, one whose follow-up time may be over. */
        REFUND_RECORDED("recordRefund", List.of(Rule.R3, Rule.R7),
                "OPEN->OPEN", "OPEN->LATE_ARRIVAL_FLAGGED", "OPEN->CLOSED", "CLAIM_FILED->CLAIM_FILED",
                "LATE_ARRIVAL_FLAGGED->LATE_ARRIVAL_FLAGGED", "CLOSED->CLOSED", "CLOSED->LATE_ARRIVAL_FLAGGED"),
        /** An earlier-dated report can show that the parcel came before the refund after all: flagged to open. */
        ARRIVAL_REPORTED("flagLateArrival with deliveredOn and source, or spapiNotifications with a carrier's delivery",
                List.of(Rule.R3, Rule.R5, Rule.R6, Rule.R7),
                "OPEN->OPEN", "OPEN->LATE_ARRIVAL_FLAGGED", "OPEN->CLOSED", "CLAIM_FILED->CLAIM_FILED",
                "LATE_ARRIVAL_FLAGGED->LATE_ARRIVAL_FLAGGED", "LATE_ARRIVAL_FLAGGED->CLOSED", "LATE_ARRIVAL_FLAGGED->OPEN",
                "CLOSED->CLOSED", "CLOSED->LATE_ARRIVAL_FLAGGED", "CLOSED->OPEN"),
        CLAIM_FILED("recordClaim with filedOn or filedAt (or evaluateClaim with claim)", List.of(Rule.R6),
                "OPEN->CLAIM_FILED", "LATE_ARRIVAL_FLAGGED->CLAIM_FILED", "CLOSED->CLAIM_FILED"),
        /** The seller answered Amazon's request about the pending claim. */
        CLAIM_ANSWERED("recordClaim with respondedAt", List.of(Rule.R9), "CLAIM_FILED->CLAIM_FILED"),
        /** Also after a denial: Amazon may accept a claim late. */
        CLAIM_GRANTED("recordClaim with outcome GRANTED", List.of(Rule.R6),
                "CLAIM_FILED->CLOSED", "CLOSED->CLOSED"),
        CLAIM_DENIED("recordClaim with outcome DENIED", List.of(Rule.R6), "CLAIM_FILED->CLOSED"),
        CLAIM_WITHDRAWN("recordClaim with outcome WITHDRAWN", List.of(Rule.R6),
                "CLAIM_FILED->OPEN", "CLAIM_FILED->LATE_ARRIVAL_FLAGGED", "CLAIM_FILED->CLOSED"),
        /** The seller sets the case aside until a day: it leaves the to-do list until then, whatever its status. */
        CASE_SET_ASIDE("setAside", List.of(Rule.R1), "OPEN->OPEN", "CLAIM_FILED->CLAIM_FILED",
                "LATE_ARRIVAL_FLAGGED->LATE_ARRIVAL_FLAGGED", "CLOSED->CLOSED"),
        CONSENT_GIVEN("flagLateArrival with followUp CONSENT_GIVEN", List.of(Rule.R3),
                "LATE_ARRIVAL_FLAGGED->LATE_ARRIVAL_FLAGGED", "LATE_ARRIVAL_FLAGGED->CLOSED", "CLOSED->CLOSED",
                "CLAIM_FILED->CLAIM_FILED"),
        CONSENT_REFUSED("flagLateArrival with followUp CONSENT_REFUSED", List.of(Rule.R3),
                "LATE_ARRIVAL_FLAGGED->LATE_ARRIVAL_FLAGGED", "LATE_ARRIVAL_FLAGGED->CLOSED", "CLOSED->CLOSED",
                "CLAIM_FILED->CLAIM_FILED"),
        RETURN_RECEIVED("flagLateArrival with followUp RETURN_RECEIVED", List.of(Rule.R7),
                "LATE_ARRIVAL_FLAGGED->LATE_ARRIVAL_FLAGGED", "LATE_ARRIVAL_FLAGGED->CLOSED", "CLOSED->CLOSED",
                "CLAIM_FILED->CLAIM_FILED"),
        REPLACEMENT_ORDERED("flagLateArrival with followUp REPLACEMENT_ORDERED", List.of(Rule.R7),
                "OPEN->OPEN", "CLAIM_FILED->CLAIM_FILED", "LATE_ARRIVAL_FLAGGED->LATE_ARRIVAL_FLAGGED", "CLOSED->CLOSED"),
        CLAIM_WINDOW_OPENED("the scheduled sweep", List.of(Rule.R6), "OPEN->OPEN"),
        CLAIM_RESPONSE_DUE("the scheduled sweep", List.of(Rule.R6), "CLAIM_FILED->CLAIM_FILED"),
        CLAIM_DEADLINE_PASSED("the scheduled sweep", List.of(Rule.R6), "OPEN->CLOSED"),
        LATE_ARRIVAL_FOLLOW_UP("the scheduled sweep", List.of(Rule.R3, Rule.R7),
                "LATE_ARRIVAL_FLAGGED->LATE_ARRIVAL_FLAGGED"),
        LATE_ARRIVAL_EXPIRED("the scheduled sweep", List.of(Rule.R3, Rule.R7), "LATE_ARRIVAL_FLAGGED->CLOSED"),
        /** A granted claim's appeal period is over: the case leaves the to-do list. */
        APPEAL_PERIOD_ENDED("the scheduled sweep", List.of(Rule.R10), "CLOSED->CLOSED"),
        /**
         * Amazon reported the order cancelled: recorded and put on the to-do list, the status unchanged (R1: the seller's
         * own policy decides what follows).
         */
        ORDER_CANCELLED("spapiNotifications, an ORDER_CHANGE with OrderStatus Canceled", List.of(Rule.R1),
                "OPEN->OPEN", "CLAIM_FILED->CLAIM_FILED", "LATE_ARRIVAL_FLAGGED->LATE_ARRIVAL_FLAGGED", "CLOSED->CLOSED");

        /** What the seller does about a case: each one handles what the case needed until then ({@link Todos}). */
        public static final Set<Event> SELLER_ACTIONS = Set.of(REFUND_RECORDED, ARRIVAL_REPORTED, CONSENT_GIVEN,
                CONSENT_REFUSED, RETURN_RECEIVED, REPLACEMENT_ORDERED, CLAIM_ANSWERED, CASE_SET_ASIDE);

        private final String recordedBy;
        private final List<Rule> rules;
        private final Set<Move> moves;

        Event(String recordedBy, List<Rule> rules, String... moves) {
            this.recordedBy = recordedBy;
            this.rules = List.copyOf(rules);
            this.moves = Set.copyOf(Arrays.stream(moves).map(Event::move).toList());
        }

        private static Move move(String text) {
            String[] ends = text.split("->");
            return new Move(ends[0].isEmpty() ? null : CaseStatus.valueOf(ends[0]), CaseStatus.valueOf(ends[1]));
        }

        public String recordedBy() {
            return recordedBy;
        }

        public List<Rule> rules() {
            return rules;
        }

        public Set<Move> moves() {
            return moves;
        }

        public static Event of(FollowUp followUp) {
            return switch (followUp) {
                case CONSENT_GIVEN -> CONSENT_GIVEN;
                case CONSENT_REFUSED -> CONSENT_REFUSED;
                case RETURN_RECEIVED -> RETURN_RECEIVED;
                case REPLACEMENT_ORDERED -> REPLACEMENT_ORDERED;
            };
        }

        public static Event of(ClaimOutcome outcome) {
            return switch (outcome) {
                case GRANTED -> CLAIM_GRANTED;
                case DENIED -> CLAIM_DENIED;
                case WITHDRAWN -> CLAIM_WITHDRAWN;
            };
        }
    }

    /**
     * Where a case stands, from what it holds; the first line that applies wins.
     * <ol>
     * <li>A claim filed and not yet decided or withdrawn: {@code CLAIM_FILED} (R6).</li>
     * <li>Amazon decided the claim: closed as granted or denied (R6).</li>
     * <li>The original arrived after a refund: flagged while Amazon's re-charge with consent (R3) or the return
     *     (R7) is pending; closed as settled once recorded, or as unsettled once the sweep saw them expire.</li>
     * <li>Receipt confirmed, by the buyer or by the seller after the claim window: closed as delivered (R1, R6).</li>
     * <li>The sweep saw the claim deadline pass: closed as refunded (R3) or as deadline passed (R6).</li>
     * <li>Otherwise open.</li>
     * </ol>
     */
    public static Standing standingOf(ClaimCase c) {
        Claim claim = c.claim();
        if (claim != null && claim.pending()) {
            return new Standing(CLAIM_FILED, null);
        }
        if (claim != null && claim.outcome() == ClaimOutcome.GRANTED) {
            return new Standing(CLOSED, CloseReason.CLAIM_GRANTED);
        }
        if (claim != null && claim.outcome() == ClaimOutcome.DENIED) {
            return new Standing(CLOSED, CloseReason.CLAIM_DENIED);
        }
        if (c.arrivedAfterRefund()) {
            if (!c.followUpsPending()) {
                return new Standing(CLOSED, CloseReason.LATE_ARRIVAL_SETTLED);
            }
            return c.noted(Attention.Kind.LATE_ARRIVAL_EXPIRES)
                    ? new Standing(CLOSED, CloseReason.LATE_ARRIVAL_UNSETTLED)
                    : new Standing(LATE_ARRIVAL_FLAGGED, null);
        }
        if (c.receiptConfirmed()) {
            return new Standing(CLOSED, CloseReason.DELIVERED);
        }
        if (c.notedDeadlinePassed()) {
            return new Standing(CLOSED, c.ledger().refunds().isEmpty() ? CloseReason.CLAIM_DEADLINE_PASSED : CloseReason.REFUNDED);
        }
        return new Standing(OPEN, null);
    }

    /** Refuses, as a bug, a move the table does not list. */
    static void require(Event event, CaseStatus from, CaseStatus to) {
        if (!event.moves().contains(new Move(from, to))) {
            throw new IllegalStateException(event + " may not move a case from " + from + " to " + to);
        }
    }

    /** The moves of every event, as the lines of a mermaid {@code stateDiagram-v2} (a move to the same status is left out). */
    public static List<String> diagram() {
        List<String> lines = new ArrayList<>();
        lines.add("stateDiagram-v2");
        for (Event e : Event.values()) {
            for (CaseStatus from : EnumSet.allOf(CaseStatus.class)) {
                for (CaseStatus to : CaseStatus.values()) {
                    if (from != to && e.moves().contains(new Move(from, to))) {
                        lines.add("    " + from + " --> " + to + " : " + e);
                    }
                }
            }
            if (e.moves().contains(new Move(null, OPEN))) {
                lines.add("    [*] --> OPEN : " + e);
            }
        }
        return lines;
    }
}
