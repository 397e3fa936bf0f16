package io.claimdesk.policy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.EUR;
import static io.claimdesk.policy.Orders.JPY;
import static io.claimdesk.policy.Orders.eur;
import static io.claimdesk.policy.Orders.jpy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Amounts at the currency's scale: EUR has 2 decimals, JPY none; extra decimals are refused, never rounded. */
class MoneyTest {

    private static Refusal refusalOf(String text, java.util.Currency currency) {
        return catchThrowableOfType(Refusal.class, () -> Money.parse("amount", text, currency));
    }

    @Test
    void tenAndAHalfIsTheSameWithOrWithoutTheTrailingZero() {
        Money shortForm = Money.parse("amount", "10.5", EUR);
        Money longForm = Money.parse("amount", "10.50", EUR);

        assertThat(shortForm).isEqualTo(longForm);
        assertThat(shortForm.amount()).isEqualByComparingTo("10.50");
        assertThat(shortForm.amount().scale()).isEqualTo(2);
        assertThat(shortForm).hasToString("10.50 EUR");
    }

    @Test
    void refusesAThirdDecimalInEuros() {
        Refusal refusal = refusalOf("10.005", EUR);

        assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
        assertThat(refusal.field()).isEqualTo("amount");
        assertThat(refusal.getMessage()).contains("10.005").contains("EUR");
    }

    @Test
    void refusesAnyDecimalInYen() {
        Refusal refusal = refusalOf("1.5", JPY);

        assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
        assertThat(refusal.field()).isEqualTo("amount");
    }

    @Test
    void yenHaveNoDecimalsButTrailingZerosAreHarmless() {
        assertThat(Money.parse("amount", "1500", JPY)).isEqualTo(jpy("1500"));
        assertThat(Money.parse("amount", "1500.00", JPY)).isEqualTo(jpy("1500"));
        assertThat(Money.parse("amount", " 1500 ", JPY)).isEqualTo(jpy("1500"));
        assertThat(jpy("1500")).hasToString("1500 JPY");
    }

    @Test
    void refusesTextThatIsNotANumber() {
        Refusal refusal = refusalOf("ten", EUR);

        assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
        assertThat(refusal.field()).isEqualTo("amount");
    }

    @Test
    void zeroIsAtTheCurrencyScale() {
        assertThat(Money.zero(EUR).amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.zero(JPY).amount()).isEqualTo(new BigDecimal("0"));
        assertThat(Money.zero(EUR).isZero()).isTrue();
        assertThat(Money.zero(EUR).isPositive()).isFalse();
    }

    @Test
    void arithmeticStaysInOneCurrency() {
        assertThat(eur("10.50").plus(eur("0.75"))).isEqualTo(eur("11.25"));
        assertThat(eur("10.50").minus(eur("10.50")).isZero()).isTrue();
        assertThat(eur("1.00").compareTo(eur("0.99"))).isPositive();

        assertThatIllegalArgumentException().isThrownBy(() -> eur("1.00").plus(new Money(new BigDecimal("1.00"),
                java.util.Currency.getInstance("USD"))));
        assertThatIllegalArgumentException().isThrownBy(() -> jpy("100").compareTo(eur("1.00")));
        assertThatIllegalArgumentException().isThrownBy(() -> jpy("100").minus(eur("1.00")));
    }

    @Test
    void anAmountMustBeStoredAtItsCurrencyScale() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("10.5"), EUR));
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("100.00"), JPY));
    }
}
