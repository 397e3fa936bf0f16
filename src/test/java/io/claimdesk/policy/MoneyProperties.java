package io.claimdesk.policy;

import java.math.BigDecimal;
import java.util.Currency;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Money.parse reads back any amount written at the currency's scale, and refuses one decimal too many. */
class MoneyProperties {

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of(Orders.EUR, Orders.JPY);
    }

    @Property(tries = 500)
    void parseRoundTripsAmountsAtScale(@ForAll("currencies") Currency currency,
                                       @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long units) {
        Money money = new Money(BigDecimal.valueOf(units, currency.getDefaultFractionDigits()), currency);

        Money parsed = Money.parse("amount", money.amount().toPlainString(), currency);

        assertThat(parsed).isEqualTo(money);
        assertThat(parsed.amount().scale()).isEqualTo(currency.getDefaultFractionDigits());
    }

    @Property(tries = 500)
    void trailingZerosDoNotChangeTheAmount(@ForAll("currencies") Currency currency,
                                           @ForAll @LongRange(min = 0, max = 1_000_000_000L) long units,
                                           @ForAll @IntRange(min = 1, max = 4) int zeros) {
        BigDecimal value = BigDecimal.valueOf(units, currency.getDefaultFractionDigits());
        String padded = value.setScale(value.scale() + zeros).toPlainString();

        assertThat(Money.parse("amount", padded, currency)).isEqualTo(new Money(value, currency));
    }

    @Property(tries = 500)
    void oneDecimalTooManyIsRefused(@ForAll("currencies") Currency currency,
                                    @ForAll @LongRange(min = 0, max = 1_000_000_000L) long units,
                                    @ForAll @IntRange(min = 1, max = 9) int lastDigit) {
        int digits = currency.getDefaultFractionDigits();
        BigDecimal value = BigDecimal.valueOf(units * 10 + lastDigit, digits + 1);

        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> Money.parse("amount", value.toPlainString(), currency));

        assertThat(refusal).as(value.toPlainString()).isNotNull();
        assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
        assertThat(refusal.field()).isEqualTo("amount");
    }
}
