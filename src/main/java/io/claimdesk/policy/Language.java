package io.claimdesk.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Languages the desk speaks, by ISO 639-1 code. Each names the country whose formats it uses when no
 * marketplace says otherwise ({@link Wording#of(Language)}).
 */
public enum Language {
    FR("FR"), EN("US"), DE("DE"), ES("ES"), IT("IT"), JA("JP");

    private final String homeCountry;

    Language(String homeCountry) {
        this.homeCountry = homeCountry;
    }

    /** The code callers give and answers carry: fr, en, de, es, it, ja. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This language as written in {@code country} (ISO 3166), for the JDK's date and number formats. */
    public Locale in(String country) {
        return new Locale(code(), country);
    }

    Locale homeLocale() {
        return in(homeCountry);
    }

    public static Language parse(String field, String code) {
        for (Language l : values()) {
            if (l.code().equalsIgnoreCase(code)) {
                return l;
            }
        }
        throw Refusal.invalid(field, "unknown language '" + code + "'; known: "
                + Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", ")));
    }
}
