package io.claimdesk.policy;

/** Languages of explanations. */
public enum Language {
    FR, EN;

    public static Language parse(String field, String code) {
        for (Language l : values()) {
            if (l.name().equalsIgnoreCase(code)) {
                return l;
            }
        }
        throw Refusal.invalid(field, "unknown language '" + code + "'; known: fr, en");
    }
}
