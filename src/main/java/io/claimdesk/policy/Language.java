package io.claimdesk.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * Languages the desk speaks, by ISO 639-1 code. Each has a home marketplace, whose formats it uses when no
 * marketplace says otherwise ({@link Wording#of(Language)}), and a home locale, the one it is written in on every
 * marketplace except where {@link Wording#locale()} says otherwise.
 */
public enum Language {
    FR("FR"), EN("US"), DE("DE"), ES("ES"), IT("IT"), JA("JP");

    private final Locale homeLocale;

    Language(String homeCountry) {
        this.homeLocale = new Locale(name().toLowerCase(Locale.ROOT), homeCountry);
    }

    /** The code callers give and answers carry: fr, en, de, es, it, ja. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    Locale homeLocale() {
        return homeLocale;
    }

    /** The marketplace of the language's own country (English: the US one). */
    Marketplace home() {
        return switch (this) {
            case FR -> Marketplace.FR;
            case EN -> Marketplace.US;
            case DE -> Marketplace.DE;
            case ES -> Marketplace.ES;
            case IT -> Marketplace.IT;
            case JA -> Marketplace.JP;
        };
    }

    /** The language of this code (fr, en, de, es, it, ja), in any case, if there is one. */
    public static Optional<Language> ofCode(String code) {
        // A loop, not a stream: this runs while a cold start reads its first texts, where each lambda costs.
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
