package io.claimdesk.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * R6: the buyer can file from {@code opensOn} through {@code deadline}, both inclusive.
 * opensOn = min(delivery base + 3 days, order date + 30 days); deadline = delivery base + 90 days,
 * where the delivery base is the maximum estimated delivery date, or the service date for a service.
 */
public record ClaimWindow(LocalDate opensOn, LocalDate deadline) {

    static final int DAYS_AFTER_MAX_DELIVERY = 3;
    static final int DAYS_AFTER_ORDER = 30;
    static final int DAYS_TO_FILE = 90;

    public ClaimWindow {
        Objects.requireNonNull(opensOn, "opensOn");
        Objects.requireNonNull(deadline, "deadline");
    }

    public static ClaimWindow of(OrderFacts facts) {
        LocalDate base = facts.deliveryBase();
        LocalDate afterDelivery = base.plusDays(DAYS_AFTER_MAX_DELIVERY);
        LocalDate afterOrder = facts.orderDate().plusDays(DAYS_AFTER_ORDER);
        LocalDate opensOn = afterDelivery.isBefore(afterOrder) ? afterDelivery : afterOrder;
        return new ClaimWindow(opensOn, base.plusDays(DAYS_TO_FILE));
    }

    /** True when the order-date bound (30 days) opened the window before the delivery bound. */
    public boolean openedByOrderDate(OrderFacts facts) {
        return opensOn.isBefore(facts.deliveryBase().plusDays(DAYS_AFTER_MAX_DELIVERY));
    }

    public ClaimPhase phaseOn(LocalDate day) {
        if (day.isBefore(opensOn)) {
            return new ClaimPhase.NotYetOpen(ChronoUnit.DAYS.between(day, opensOn));
        }
        if (!day.isAfter(deadline)) {
            return new ClaimPhase.Open(ChronoUnit.DAYS.between(day, deadline));
        }
        return new ClaimPhase.Late(ChronoUnit.DAYS.between(deadline, day));
    }
}
