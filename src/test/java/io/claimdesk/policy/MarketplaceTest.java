package io.claimdesk.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Calendar days are counted in the marketplace's zone (R6), orders are in its currency. */
class MarketplaceTest {

    @Test
    void lateEveningUtcIsAlreadyTheNextDayInParis() {
        // 23:30 UTC is 00:30 in Paris (UTC+1 in winter)
        assertThat(Marketplace.FR.dateOf(Instant.parse("2026-03-01T23:30:00Z"))).isEqualTo(date("2026-03-02"));
        assertThat(Marketplace.FR.dateOf(Instant.parse("2026-03-01T22:59:00Z"))).isEqualTo(date("2026-03-01"));
    }

    @Test
    void summerTimeInParisMovesMidnightToTwentyTwoUtc() {
        // UTC+2 in July
        assertThat(Marketplace.FR.dateOf(Instant.parse("2026-07-01T21:59:00Z"))).isEqualTo(date("2026-07-01"));
        assertThat(Marketplace.FR.dateOf(Instant.parse("2026-07-01T22:00:00Z"))).isEqualTo(date("2026-07-02"));
    }

    @Test
    void earlyMorningUtcIsStillThePreviousDayInLosAngeles() {
        // 05:00 UTC is 21:00 the evening before in Los Angeles (UTC-8 before 8 March 2026)
        assertThat(Marketplace.US.dateOf(Instant.parse("2026-03-02T05:00:00Z"))).isEqualTo(date("2026-03-01"));
        assertThat(Marketplace.US.dateOf(Instant.parse("2026-03-02T08:00:00Z"))).isEqualTo(date("2026-03-02"));
    }

    @Test
    void tokyoIsNineHoursAhead() {
        assertThat(Marketplace.JP.dateOf(Instant.parse("2026-03-01T14:59:00Z"))).isEqualTo(date("2026-03-01"));
        assertThat(Marketplace.JP.dateOf(Instant.parse("2026-03-01T15:00:00Z"))).isEqualTo(date("2026-03-02"));
    }

    @Test
    void eachMarketplaceHasItsZoneCurrencyAndLanguage() {
        assertThat(Marketplace.FR.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(Marketplace.FR.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(Marketplace.FR.defaultLanguage()).isEqualTo(Language.FR);
        assertThat(Marketplace.US.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(Marketplace.US.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(Marketplace.JP.currency()).isEqualTo(Currency.getInstance("JPY"));
        assertThat(Marketplace.UK.currency()).isEqualTo(Currency.getInstance("GBP"));
        assertThat(Marketplace.DE.defaultLanguage()).isEqualTo(Language.DE);
        assertThat(Marketplace.ES.defaultLanguage()).isEqualTo(Language.ES);
        assertThat(Marketplace.IT.defaultLanguage()).isEqualTo(Language.IT);
        assertThat(Marketplace.JP.defaultLanguage()).isEqualTo(Language.JA);
        assertThat(Marketplace.UK.defaultLanguage()).isEqualTo(Language.EN);
        assertThat(Marketplace.US.defaultLanguage()).isEqualTo(Language.EN);
        assertThat(Marketplace.UK.country()).isEqualTo("GB");
    }

    @Test
    void findsMarketplacesByTheirExactCode() {
        assertThat(Marketplace.ofCode("FR")).contains(Marketplace.FR);
        assertThat(Marketplace.ofCode("JP")).contains(Marketplace.JP);
        assertThat(Marketplace.ofCode("XX")).isEmpty();
        assertThat(Marketplace.ofCode("fr")).isEmpty();
        assertThat(Marketplace.ofCode(null)).isEmpty();
    }

    @Test
    void findsLanguagesByTheirCodeInAnyCase() {
        assertThat(Language.ofCode("fr")).contains(Language.FR);
        assertThat(Language.ofCode("EN")).contains(Language.EN);
        assertThat(Language.ofCode("de")).contains(Language.DE);
        assertThat(Language.ofCode("Es")).contains(Language.ES);
        assertThat(Language.ofCode("it")).contains(Language.IT);
        assertThat(Language.ofCode("ja")).contains(Language.JA);
        assertThat(Language.ofCode("jp")).isEmpty();
        assertThat(Language.ofCode(null)).isEmpty();
    }
}
