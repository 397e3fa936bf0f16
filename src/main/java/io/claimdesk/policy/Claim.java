package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The buyer's A-to-z Guarantee claim (R6): filed on {@code filedOn} (Amazon's {@code reference} optional),
 * recorded on {@code recordedOn}; {@code outcome} and {@code decidedOn} once Amazon decided or the buyer withdrew.
 */
public record Claim(LocalDate filedOn, String reference, LocalDate recordedOn, ClaimOutcome outcome, LocalDate decidedOn) {

    public Claim {
        Objects.requireNonNull(filedOn, "filedOn");
        Objects.requireNonNull(recordedOn, "recordedOn");
        if ((outcome == null) != (decidedOn == null)) {
            throw new IllegalArgumentException("an outcome and its date go together");
        }
    }

    /** Filed and not yet decided or withdrawn. */
    public boolean pending() {
        return outcome == null;
    }

    Claim decided(ClaimOutcome newOutcome, LocalDate on) {
        return new Claim(filedOn, reference, recordedOn, newOutcome, on);
    }
}
