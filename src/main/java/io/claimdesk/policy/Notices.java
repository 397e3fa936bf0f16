package io.claimdesk.policy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What Amazon's notifications have told the desk about a case's order: when the last order change it applied
 * happened ({@code TimeOfOrderChange}) and when the last tracking milestone it applied occurred, so that an older one
 * delivered late, or the same one delivered again, changes nothing; and the day Amazon reported the order cancelled.
 */
public record Notices(Instant orderChangedAt, Instant milestoneAt, LocalDate cancelledOn) {

    /** Nothing heard from Amazon yet. */
    public static final Notices NONE = new Notices(null, null, null);

    /** True when a change at {@code at} is older than, or the same as, the last order change applied. */
    boolean orderChangeSeen(Instant at) {
        return orderChangedAt != null && !at.isAfter(orderChangedAt);
    }

    /** True when a milestone at {@code at} is older than, or the same as, the last milestone applied. */
    boolean milestoneSeen(Instant at) {
        return milestoneAt != null && !at.isAfter(milestoneAt);
    }
}
