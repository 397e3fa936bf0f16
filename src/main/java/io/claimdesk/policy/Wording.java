package io.claimdesk.policy;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reader's language on a marketplace, and how it writes dates and amounts there: the JDK's locale data for
 * the locale chosen for the pair ({@link #locale()}), with three corrections where that data does not write as
 * the reader does: the French "1er" and Italian "1º" for the first of the month, and the marketplace's own
 * currency symbol where the language's data gives a code or a disambiguated symbol ("59,90 GBP", "5 990 JPY",
 * "59,90 £GB"). docs/languages.md gives each of the 42 pairs and why.
 */
public record Wording(Language language, Marketplace marketplace) {

    private static final Locale EN_GB = Locale.UK;
    private static final Locale EN_US = Locale.US;

    /**
     * The symbol a reader of the language writes for a currency, where the JDK's data for the language writes
     * something else: CLDR's French says "£GB", "$US" and "JPY", its Spanish "GBP" and "JPY", its Italian "USD" and
     * "JPY". The marketplace names the currency already; these are the symbols its buyers and sellers see.
     */
    private static final Map<Language, Map<String, String>> SYMBOLS = Map.of(
            Language.FR, Map.of("GBP", "£", "USD", "$\u00a0US", "JPY", "¥"),
            Language.ES, Map.of("GBP", "£", "JPY", "¥"),
            Language.IT, Map.of("USD", "$", "JPY", "¥"));

    /** The first of the month where the language writes it as an ordinal. */
    private static final Map<Language, String> FIRST_OF_MONTH = Map.of(Language.FR, "1er", Language.IT, "1º");

    /** Formatters are built once per locale (and currency): building them costs far more than using them. */
    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> TIMES = new ConcurrentHashMap<>();
    private static final Map<List<Object>, NumberFormat> AMOUNTS = new ConcurrentHashMap<>();
    private static final Map<Locale, NumberFormat> COUNTS = new ConcurrentHashMap<>();

    public Wording {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(marketplace, "marketplace");
    }

    /** The seller's words on a marketplace: the chosen language, with the formats chosen for the pair. */
    public static Wording of(Language language, Marketplace marketplace) {
        return new Wording(language, marketplace);
    }

    /** The language on its home marketplace (English: the US one), when no marketplace is at hand. */
    public static Wording of(Language language) {
        return new Wording(language, language.home());
    }

    /** The buyer's words: the marketplace's own language and formats, for drafts. */
    public static Wording buyerOf(Marketplace marketplace) {
        return of(marketplace.defaultLanguage(), marketplace);
    }

    /**
     * The locale whose data writes this pair's dates and numbers: each language as written at home, except that
     * English follows the marketplace, British on the European ones, American on the US and Japanese ones (the
     * JDK has no English of Japan; en-US writes yen as "¥" with no correction).
     */
    public Locale locale() {
        if (language == Language.EN) {
            return marketplace == Marketplace.US || marketplace == Marketplace.JP ? EN_US : EN_GB;
        }
        return language.homeLocale();
    }

    /** The texts this reader reads: the language's file, and for British English the file of what it says otherwise. */
    String texts() {
        return locale().equals(EN_GB) ? "en_GB" : language.code();
    }

    public String date(LocalDate date) {
        String text = DATES.computeIfAbsent(locale(), l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l)).format(date);
        // French and Italian long dates start with the day ("1 avril 2026"); the first of the month is an ordinal there.
        String first = FIRST_OF_MONTH.get(language);
        return first != null && date.getDayOfMonth() == 1 && text.startsWith("1 ") ? first + text.substring(1) : text;
    }

    /**
     * The time of day of an instant in the marketplace's zone, as the locale writes it short ("10:15", "10:15 AM"); French
     * typography writes hours and minutes "10 h 30", with no-break spaces, where the JDK writes "10:30".
     */
    public String time(Instant instant) {
        return TIMES.computeIfAbsent(locale(), l -> language == Language.FR
                        ? DateTimeFormatter.ofPattern("H'\u00a0h\u00a0'mm", l)
                        : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(l))
                .format(instant.atZone(marketplace.zone()));
    }

    public String money(BigDecimal amount, Currency currency) {
        Locale locale = locale();
        String symbol = SYMBOLS.getOrDefault(language, Map.of()).get(currency.getCurrencyCode());
        NumberFormat prototype = AMOUNTS.computeIfAbsent(List.of(locale, currency, symbol == null ? "" : symbol), key -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(currency);
            format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
            format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
            if (symbol != null && format instanceof DecimalFormat decimal) {
                DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
                symbols.setCurrencySymbol(symbol);
                decimal.setDecimalFormatSymbols(symbols);
            }
            return format;
        });
        // NumberFormat is not thread-safe: each use formats with its own copy.
        return ((NumberFormat) prototype.clone()).format(amount);
    }

    public String number(long n) {
        return ((NumberFormat) COUNTS.computeIfAbsent(locale(), NumberFormat::getIntegerInstance).clone()).format(n);
    }

}
