package io.claimdesk.policy;

import java.time.LocalDate;

/** The next day a case needs the scheduled sweep, and why. */
public record Attention(LocalDate on, Kind kind) {

    public enum Kind {
        /** R6: the claim window opens; the seller is told the buyer can now file. */
        CLAIM_WINDOW_OPENS,
        /** R6: the day after the deadline; an unrefunded case closes. */
        CLAIM_DEADLINE_PASSED,
        /** R3/R7: a flagged late arrival still waiting for consent or a return. */
        LATE_ARRIVAL_FOLLOW_UP
    }
}
