package io.claimdesk.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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

    /** The language of this code (fr, en, de, es, it, ja), in any case, if there is one. */
    public static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
    }
}
