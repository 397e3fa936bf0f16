package io.claimdesk.policy;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon's own names, in each language the desk speaks (columns in {@link Language} order: fr, en, de, es, it,
 * ja). The one table of them: {@link Message} texts name a term as {@code {A_TO_Z_GUARANTEE}}, and the README's
 * glossary is this table (a test keeps the two equal).
 */
public enum Glossary {
    /** The guarantee itself (seed: "Garantie A à Z"). */
    A_TO_Z_GUARANTEE("Garantie A à Z", "A-to-z Guarantee", "A-bis-z-Garantie", "Garantía de la A a la Z",
            "Garanzia dalla A alla Z", "Amazonマーケットプレイス保証"),
    /** A claim under it (seed: "réclamation au titre de la Garantie A à Z"). */
    A_TO_Z_CLAIM("réclamation au titre de la Garantie A à Z", "A-to-z Guarantee claim", "A-bis-z-Garantieantrag",
            "reclamación de la Garantía de la A a la Z", "reclamo per la Garanzia dalla A alla Z",
            "Amazonマーケットプレイス保証申請"),
    /** The programme of orders Amazon ships (seed: "Expédié par Amazon"). */
    FULFILLED_BY_AMAZON("Expédié par Amazon", "Fulfilled by Amazon", "Versand durch Amazon", "Logística de Amazon",
            "Logistica di Amazon", "フルフィルメント by Amazon"),
    /** What the buyer may leave whatever the seller does (seed: "commentaire négatif"). */
    NEGATIVE_FEEDBACK("commentaire négatif", "negative feedback", "negative Bewertung", "valoración negativa",
            "feedback negativo", "低い評価");

    private static final Pattern TERM = Pattern.compile("\\{([A-Z_]+)}");

    private final Map<Language, String> names = new EnumMap<>(Language.class);

    Glossary(String... inLanguageOrder) {
        Language[] languages = Language.values();
        for (int i = 0; i < inLanguageOrder.length && i < languages.length; i++) {
            names.put(languages[i], inLanguageOrder[i]);
        }
    }

    /** The term in {@code language}. */
    public String in(Language language) {
        String name = names.get(language);
        if (name == null) {
            throw new IllegalStateException("glossary term " + name() + " has no " + language.code() + " name");
        }
        return name;
    }

    /** {@code text} with each {@code {TERM}} replaced by the term's name in {@code language}. */
    static String resolve(String text, Language language) {
        Matcher m = TERM.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(valueOf(m.group(1)).in(language)));
        }
        return m.appendTail(out).toString();
    }
}
