package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.Objects;

/** A day a case needs the scheduled sweep, and why; what the due-time index is keyed by. */
public record Attention(LocalDate on, Kind kind) {

    /** Days after a late arrival is recorded before the sweep reminds the seller of what is pending (R3, R7). */
    public static final int FOLLOW_UP_DAYS = 7;
    /** Days after a late arrival is recorded before an unsettled one closes; the seed sets no limit, this is ours. */
    public static final int FOLLOW_UP_EXPIRES_DAYS = 30;

    public Attention {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {
        /** R6: the claim window opens; the buyer can now file. */
        CLAIM_WINDOW_OPENS(Lifecycle.Event.CLAIM_WINDOW_OPENED),
        /** R6: a claim was filed; the seller answers it with the case's evidence, the day it is recorded. */
        CLAIM_RESPONSE_DUE(Lifecycle.Event.CLAIM_RESPONSE_DUE),
        /** R6: the day after the deadline; an open case closes (Amazon may still accept a late claim). */
        CLAIM_DEADLINE_PASSED(Lifecycle.Event.CLAIM_DEADLINE_PASSED),
        /** R3/R7: a late arrival's consent or return is still pending a week later. */
        LATE_ARRIVAL_FOLLOW_UP(Lifecycle.Event.LATE_ARRIVAL_FOLLOW_UP),
        /** R3/R7: still pending after {@link #FOLLOW_UP_EXPIRES_DAYS} days; the case closes unsettled. */
        LATE_ARRIVAL_EXPIRES(Lifecycle.Event.LATE_ARRIVAL_EXPIRED),
        /** R10: the day after the last day to appeal a granted claim; the appeal leaves the to-do list. */
        APPEAL_PERIOD_ENDS(Lifecycle.Event.APPEAL_PERIOD_ENDED);

        private final Lifecycle.Event event;

        Kind(Lifecycle.Event event) {
            this.event = event;
        }

        /** The lifecycle event the sweep records when it handles this attention. */
        public Lifecycle.Event event() {
            return event;
        }
    }

    /** How the sweep remembers it handled this attention: one short text per attention, e.g. "CLAIM_WINDOW_OPENS 2026-03-13". */
    public String key() {
        return kind + " " + on;
    }

    public static Attention ofKey(String key) {
        int space = key.indexOf(' ');
        return new Attention(LocalDate.parse(key.substring(space + 1)), Kind.valueOf(key.substring(0, space)));
    }
}
