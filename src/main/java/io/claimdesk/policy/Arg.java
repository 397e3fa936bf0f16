package io.claimdesk.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/**
 * What a {@link Message} placeholder takes. Statements keep their arguments as machine text (ISO dates,
 * "59.90 EUR", day counts, ids), so a case's history renders in any language; each is formatted here, at
 * render time, for the reader's {@link Wording}.
 */
public enum Arg {
    /** An ISO date, printed in the locale's long format. */
    DATE,
    /** An amount with its currency code ("59.90 EUR", as {@link Money#toString()}), printed as the locale writes it. */
    MONEY,
    /** A number of days (at least 1), with the day unit in the language's singular or plural. */
    DAYS,
    /** An id, printed as is. */
    TEXT,
    /** A carrier's name; "-" (none given) reads as "your carrier". */
    CARRIER,
    /** An ISO instant, printed as its time of day in the marketplace's zone, in the locale's short format ("10:15"). */
    TIME,
    /** A set-aside's note ({@link SetAside.Note}), printed in the reader's words. */
    NOTE;

    static final String NO_CARRIER = "-";

    /** An argument of this type named {@code name} in the texts. */
    Param as(String name) {
        return new Param(name, this);
    }

    /** {@code value} for {@code wording}; a value that does not parse as this type is printed as is. */
    String format(String value, Wording wording) {
        switch (this) {
            case DATE:
                try {
                    return wording.date(LocalDate.parse(value));
                } catch (DateTimeParseException e) {
                    return value;
                }
            case MONEY:
                String[] parts = value.split(" ");
                if (parts.length == 2 && parts[1].matches("[A-Z]{3}") && parts[0].matches("-?[0-9]+(\\.[0-9]+)?")) {
                    try {
                        return wording.money(new BigDecimal(parts[0]), Currency.getInstance(parts[1]));
                    } catch (IllegalArgumentException e) {
                        return value;
                    }
                }
                return value;
            case DAYS:
                if (!value.matches("[0-9]{1,9}")) {
                    return value;
                }
                long days = Long.parseLong(value);
                String[] forms = Catalogue.of(wording).template(Message.PART_DAYS).text().split("\\|");
                return forms[days == 1 ? 0 : 1].replace("{count}", wording.number(days));
            case TIME:
                try {
                    return wording.time(Instant.parse(value));
                } catch (DateTimeParseException e) {
                    return value;
                }
            case NOTE:
                try {
                    return Catalogue.of(wording).template(Message.valueOf("PART_NOTE_" + SetAside.Note.valueOf(value).name())).text();
                } catch (IllegalArgumentException e) {
                    return value;
                }
            case CARRIER:
                return value.isBlank() || value.equals(NO_CARRIER) ? Catalogue.of(wording).template(Message.PART_UNNAMED_CARRIER).text() : value;
            default:
                return value;
        }
    }
}
