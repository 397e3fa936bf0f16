package io.claimdesk.policy;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * A language and the locale whose formats go with it: dates in the locale's long format ("14 mars 2026"),
 * amounts as the locale writes its currency ("59,90 €"), both from the JDK's own locale data.
 */
public record Wording(Language language, Locale locale) {

    /** The seller's words on a marketplace: the chosen language, written as in the marketplace's country. */
    public static Wording of(Language language, Marketplace marketplace) {
        return new Wording(language, language.in(marketplace.country()));
    }

    /** The language with the formats of its home country (fr-FR, en-US, de-DE, es-ES, it-IT, ja-JP). */
    public static Wording of(Language language) {
        return new Wording(language, language.homeLocale());
    }

    /** The buyer's words: the marketplace's own language and formats, for drafts. */
    public static Wording buyerOf(Marketplace marketplace) {
        return of(marketplace.defaultLanguage(), marketplace);
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    public String money(BigDecimal amount, Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(amount);
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }
}
