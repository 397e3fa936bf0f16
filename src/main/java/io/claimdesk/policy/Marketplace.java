package io.claimdesk.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Currency;
import java.util.stream.Collectors;

/**
 * Marketplaces we know: each fixes the zone in which calendar days are counted (R6), the order currency, its
 * own language (the default for explanations, and the language of drafts to the buyer) and its country, whose
 * date and number formats the desk's sentences use.
 */
public enum Marketplace {
    FR("Europe/Paris", "EUR", Language.FR, "FR"),
    DE("Europe/Berlin", "EUR", Language.DE, "DE"),
    ES("Europe/Madrid", "EUR", Language.ES, "ES"),
    IT("Europe/Rome", "EUR", Language.IT, "IT"),
    UK("Europe/London", "GBP", Language.EN, "GB"),
    US("America/Los_Angeles", "USD", Language.EN, "US"),
    JP("Asia/Tokyo", "JPY", Language.JA, "JP");

    private final ZoneId zone;
    private final Currency currency;
    private final Language defaultLanguage;
    private final String country;

    Marketplace(String zone, String currency, Language defaultLanguage, String country) {
        this.zone = ZoneId.of(zone);
        this.currency = Currency.getInstance(currency);
        this.defaultLanguage = defaultLanguage;
        this.country = country;
    }

    public ZoneId zone() {
        return zone;
    }

    public Currency currency() {
        return currency;
    }

    public Language defaultLanguage() {
        return defaultLanguage;
    }

    /** ISO 3166 country code (GB for the UK marketplace), for the JDK's locale data. */
    public String country() {
        return country;
    }

    /** The calendar date of an instant in this marketplace: 23:30 UTC on 1 March is already 2 March in Paris. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** A currency some marketplace sells in; anything else is refused with the field that named it. */
    public static Currency currencyNamed(String field, String code) {
        for (Marketplace m : values()) {
            if (m.currency.getCurrencyCode().equals(code)) {
                return m.currency;
            }
        }
        throw Refusal.invalid(field, "unknown currency '" + code + "'; known: "
                + Arrays.stream(values()).map(m -> m.currency.getCurrencyCode()).distinct().collect(Collectors.joining(", ")));
    }

    /** The marketplace of this code (FR, DE, ..., JP), exactly as written, if there is one. */
    public static Optional<Marketplace> ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.name().equals(code)).findFirst();
    }
}
