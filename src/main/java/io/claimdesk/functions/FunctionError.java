package io.claimdesk.functions;

import io.claimdesk.policy.Refusal;
import io.claimdesk.policy.RefusalCode;

/**
 * How a refusal leaves a function. Funqy reports it as a Lambda error whose {@code errorMessage} is
 * {@code io.claimdesk.functions.FunctionError: [<status>] <CODE> <field>: <message>}; the API Gateway
 * integration responses in {@code infra/template.yaml} select the HTTP status on {@code [<status>]}.
 * {@code <field>} is {@code -} when no single field is at fault.
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

    public static FunctionError of(Refusal refusal) {
        return new FunctionError(statusOf(refusal.code()), refusal.code().name(), refusal.field(), refusal.getMessage(), null);
    }

    static int statusOf(RefusalCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> 400;
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
