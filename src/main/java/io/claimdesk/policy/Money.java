package io.claimdesk.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount at its currency's scale (EUR 2 decimals, JPY none). Never a double. */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() != currency.getDefaultFractionDigits()) {
            throw new IllegalArgumentException("amount " + amount + " is not at the scale of " + currency);
        }
    }

    /**
     * Parses a caller's amount. More decimals than the currency has is an error, not a rounding:
     * 10.005 EUR is refused, 10.50 and 10.5 are the same amount.
     */
    public static Money parse(String field, String text, Currency currency) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid(field, "'" + text + "' is not a decimal amount");
        }
        return of(field, value, currency);
    }

    public static Money of(String field, BigDecimal value, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (value.stripTrailingZeros().scale() > digits) {
            throw Refusal.invalid(field, value.toPlainString() + " has more than " + digits
                    + " decimal" + (digits == 1 ? "" : "s") + " for " + currency.getCurrencyCode());
        }
        return new Money(value.setScale(digits, RoundingMode.UNNECESSARY), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits()), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
