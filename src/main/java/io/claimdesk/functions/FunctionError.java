package io.claimdesk.functions;

import io.claimdesk.policy.RefusalCode;

/**
 * A real failure of a function, as Lambda reports it: an error whose {@code errorMessage} is
 * {@code io.claimdesk.functions.FunctionError: [<status>] <CODE> <field>: <message>} ({@code <field>} is
 * {@code -} when no single field is at fault). Only {@link #STORE_UNAVAILABLE} (503) is raised this way; the
 * API Gateway integration responses in {@code infra/template.yaml} select the status on {@code [503]}.
 * Refusals are not failures: they are answered ({@link Views.Refused}), with the status {@link #statusOf} gives.
 */
public final class FunctionError extends RuntimeException {

    /**
     * DynamoDB throttled, failing, too slow or unreachable. The same call can be retried: if this one was
     * recorded after all (a write whose answer was lost), the retry recognises it and does not repeat it.
     */
    public static final String STORE_UNAVAILABLE = "STORE_UNAVAILABLE";

    private final int status;
    private final String code;
    private final String field;
    private final String detail;

    public FunctionError(int status, String code, String field, String detail, Throwable cause) {
        super("[" + status + "] " + code + " " + (field == null ? "-" : field) + ": " + detail, cause, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.detail = detail;
    }

    /** The HTTP status the API answers a refusal with. */
    public static int statusOf(RefusalCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> 400;
            case NOT_ALLOWED -> 403;
            case CASE_NOT_FOUND -> 404;
            case REFUND_ID_CONFLICT -> 409;
            case REFUND_EXCEEDS_REMAINING, INVALID_TRANSITION -> 422;
        };
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
