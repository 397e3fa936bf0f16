package io.claimdesk.policy;

import java.util.Objects;

/**
 * The one exception for every refused input or move: a stable code, the offending field
 * ({@code null} when no single field is at fault) and a message for a person.
 */
public final class Refusal extends RuntimeException {

    private final RefusalCode code;
    private final String field;

    public Refusal(RefusalCode code, String field, String message) {
        super(Objects.requireNonNull(message), null, false, false);
        this.code = Objects.requireNonNull(code);
        this.field = field;
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(RefusalCode.VALIDATION_FAILED, field, message);
    }

    public static Refusal transition(String field, String message) {
        return new Refusal(RefusalCode.INVALID_TRANSITION, field, message);
    }

    public RefusalCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
