package io.claimdesk.functions;

/**
 * What an id may look like. Letters, digits and {@code . _ -} only: no spaces, no DynamoDB expression
 * characters ({@code # : $}), nothing to escape in logs; 64 characters cover marketplace order ids.
 */
final class Ids {
    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    static final String DECIMAL = "-?[0-9]{1,12}(\\.[0-9]{1,12})?";
    static final String DECIMAL_MESSAGE = "must be a decimal amount written as text, such as \"59.90\"";
    /** The codes of {@link io.claimdesk.policy.Language}, in any case (a test keeps the two equal). */
    static final String LANGUAGE = "(?i)fr|en|de|es|it|ja";
    static final String LANGUAGE_MESSAGE = "must be one of fr, en, de, es, it, ja";

    private Ids() {
    }
}
