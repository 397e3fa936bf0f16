package io.claimdesk.policy;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A language and the locale whose formats go with it: dates in the locale's long format ("14 mars 2026"),
 * amounts as the locale writes its currency ("59,90 €"), both from the JDK's own locale data.
 */
public record Wording(Language language, Locale locale) {

    /** Formatters are built once per locale (and currency): building them costs far more than using them. */
    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();
    private static final Map<List<Object>, NumberFormat> AMOUNTS = new ConcurrentHashMap<>();
    private static final Map<Locale, NumberFormat> COUNTS = new ConcurrentHashMap<>();

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
        return DATES.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l)).format(date);
    }

    public String money(BigDecimal amount, Currency currency) {
        NumberFormat prototype = AMOUNTS.computeIfAbsent(List.of(locale, currency), key -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(currency);
            format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
            format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
            return format;
        });
        // NumberFormat is not thread-safe: each use formats with its own copy.
        return ((NumberFormat) prototype.clone()).format(amount);
    }

    public String number(long n) {
        return ((NumberFormat) COUNTS.computeIfAbsent(locale, NumberFormat::getIntegerInstance).clone()).format(n);
    }
}
