package io.claimdesk.functions;

import java.util.regex.Pattern;

import io.claimdesk.policy.Refusal;

/**
 * The checks the input records run in their constructors, the one place an input's fields are checked
 * after JSON typing. Each refusal names the field and says what it must be. A record checks its fields,
 * nested ones included, in the order of their paths, so an input with several faults is always refused on
 * the same field.
 */
final class Fields {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,12})?");
    static final String DECIMAL_MESSAGE = "must be a decimal amount written as text, such as \"59.90\"";
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";

    private Fields() {
    }

    static void required(String field, Object value) {
        if (value == null) {
            throw Refusal.invalid(field, field + " must not be null");
        }
    }

    /** A value given must match {@code pattern} as a whole; an absent one passes. */
    static void matches(String field, String value, Pattern pattern, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw Refusal.invalid(field, field + " " + message);
        }
    }

    static void id(String field, String value) {
        matches(field, value, ID, ID_MESSAGE);
    }

    static void length(String field, String value, int min, int max) {
        if (value != null && (value.length() < min || value.length() > max)) {
            throw Refusal.invalid(field, field + " size must be between " + min + " and " + max);
        }
    }

    static void range(String field, Integer value, int min, int max) {
        if (value != null && value < min) {
            throw Refusal.invalid(field, field + " must be greater than or equal to " + min);
        }
        if (value != null && value > max) {
            throw Refusal.invalid(field, field + " must be less than or equal to " + max);
        }
    }
}
