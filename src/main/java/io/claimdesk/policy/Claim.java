package io.claimdesk.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The buyer's A-to-z Guarantee claim (R6): filed on {@code filedOn}, at {@code filedAt} when the caller knows the
 * instant (Amazon's {@code reference} optional), recorded on {@code recordedOn}; the seller's answer to Amazon by
 * {@code respondBy} (R9), recorded at {@code respondedAt}; {@code outcome} and {@code decidedOn} once Amazon decided or
 * the buyer withdrew.
 *
 * @param respondBy when Amazon's request for information expires: {@code filedAt}, or the start of {@code filedOn} in
 *                  the marketplace's zone, plus the claim-response hours as configured when the claim was recorded
 *                  (null for a claim recorded before the desk kept it: {@link #respondBy(ZoneId)} derives it)
 */
public record Claim(LocalDate filedOn, Instant filedAt, String reference, LocalDate recordedOn, Instant respondBy,
                    Instant respondedAt, ClaimOutcome outcome, LocalDate decidedOn) {

    /** R9: the shorter of Amazon's two figures (48 hours on one page, 72 on another). */
    public static final int DEFAULT_RESPONSE_HOURS = 48;
    /** R10: a granted claim can be appealed for this many calendar days after the decision. */
    public static final int APPEAL_DAYS = 30;

    public Claim {
        Objects.requireNonNull(filedOn, "filedOn");
        Objects.requireNonNull(recordedOn, "recordedOn");
        if ((outcome == null) != (decidedOn == null)) {
            throw new IllegalArgumentException("an outcome and its date go together");
        }
    }

    /** A claim as stored before the desk kept its instants and deadlines. */
    public Claim(LocalDate filedOn, String reference, LocalDate recordedOn, ClaimOutcome outcome, LocalDate decidedOn) {
        this(filedOn, null, reference, recordedOn, null, null, outcome, decidedOn);
    }

    /** Filed and not yet decided or withdrawn. */
    public boolean pending() {
        return outcome == null;
    }

    /** Pending, and the seller has not recorded its answer to Amazon yet (R9). */
    public boolean awaitsAnswer() {
        return pending() && respondedAt == null;
    }

    /**
     * When the claim counts as filed: its instant, else the start of its day in the marketplace's zone, the earliest
     * reading of a day, so that the desk's deadline is never later than Amazon's.
     */
    public Instant filedInstant(ZoneId zone) {
        return filedAt != null ? filedAt : filedOn.atStartOfDay(zone).toInstant();
    }

    /** R9: the seller's answer to Amazon is due by then. */
    public Instant respondBy(ZoneId zone) {
        return respondBy != null ? respondBy
                : filedInstant(zone).plus(Duration.ofHours(DEFAULT_RESPONSE_HOURS));
    }

    /** R10: the last day a granted claim can be appealed; empty unless Amazon granted it. */
    public Optional<LocalDate> appealBy() {
        return outcome == ClaimOutcome.GRANTED ? Optional.of(decidedOn.plusDays(APPEAL_DAYS)) : Optional.empty();
    }

    Claim decided(ClaimOutcome newOutcome, LocalDate on) {
        return new Claim(filedOn, filedAt, reference, recordedOn, respondBy, respondedAt, newOutcome, on);
    }

    Claim answered(Instant at) {
        return new Claim(filedOn, filedAt, reference, recordedOn, respondBy, at, outcome, decidedOn);
    }
}
