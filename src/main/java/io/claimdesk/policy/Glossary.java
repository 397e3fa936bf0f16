package io.claimdesk.policy;

/**
 * Amazon's own names for things, which the texts name as {@code {A_TO_Z_CLAIM}}. Each language's name for each
 * term is in its file of texts ({@code term.A_TO_Z_CLAIM=...}), and docs/languages.md shows them all (a test
 * keeps the two equal).
 */
public enum Glossary {
    /** The guarantee itself (seed: "Garantie A à Z"). */
    A_TO_Z_GUARANTEE,
    /** A claim under it (seed: "réclamation au titre de la Garantie A à Z"). */
    A_TO_Z_CLAIM,
    /** The programme of orders Amazon ships (seed: "Expédié par Amazon"). */
    FULFILLED_BY_AMAZON,
    /** What the buyer may leave whatever the seller does (seed: "commentaire négatif"). */
    NEGATIVE_FEEDBACK,
    /** The seller-performance metric A-to-z claims count toward (R12): Amazon's "taux de commandes défectueuses". */
    ORDER_DEFECT_RATE,
    /** Amazon's service for buying shipping labels, whose Claims Protected labels R11 is about. */
    BUY_SHIPPING;

    /** The term in {@code language}. */
    public String in(Language language) {
        return Catalogue.of(language).term(this);
    }

    /** {@code text} with each {@code {TERM}} replaced by the term's name in {@code language}; an unknown term is refused. */
    static String resolve(String text, Language language) {
        return Catalogue.of(language).resolve(text);
    }
}
