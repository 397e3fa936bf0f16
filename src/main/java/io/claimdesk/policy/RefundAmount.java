package io.claimdesk.policy;

import java.math.BigDecimal;
import java.util.Objects;

/** What the caller asked to refund: everything that is left, or a given amount. */
public sealed interface RefundAmount {

    boolean isFull();

    record Full() implements RefundAmount {
        public boolean isFull() {
            return true;
        }
    }

    record Partial(BigDecimal value) implements RefundAmount {
        public Partial {
            Objects.requireNonNull(value, "value");
        }

        public boolean isFull() {
            return false;
        }
    }

    /** "full" (any case) or a decimal number written as text, so no precision is lost on the way. */
    static RefundAmount parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(field, "give an amount such as \"12.50\", or \"full\" for what is left to refund");
        }
        if (text.strip().equalsIgnoreCase("full")) {
            return new Full();
        }
        try {
            return new Partial(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw Refusal.invalid(field, "'" + text + "' is neither a decimal amount nor \"full\"");
        }
    }
}
