package io.claimdesk.functions;

import java.time.LocalDate;
import java.util.regex.Pattern;

import io.claimdesk.policy.CaseStatus;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Refusal;

/**
 * caseDesk's input: {@code orderId} for one case (GET /cases/{orderId}); otherwise the attention list (GET /cases):
 * the cases needing the seller on or before {@code attention} (default: today in each marketplace's zone), of one
 * {@code marketplace} and {@code status} when given, {@code limit} per page (1 to 100, default 100), from the page
 * token {@code next} of the previous page.
 */
public record CaseDeskInput(
        String orderId,
        LocalDate attention,
        Marketplace marketplace,
        CaseStatus status,
        String next,
        Integer limit,
        Language language) {

    private static final Pattern PAGE_TOKEN = Pattern.compile("[A-Za-z0-9_-]+");

    public CaseDeskInput {
        Fields.range("limit", limit, 1, 100);
        Fields.matches("next", next, PAGE_TOKEN, "must be the next value of the previous page, unchanged");
        Fields.length("next", next, 1, 2048);
        Fields.id("orderId", orderId);
        if (orderId != null) {
            // In field-name order, so the same input always names the same field.
            listOnly("attention", attention);
            listOnly("limit", limit);
            listOnly("marketplace", marketplace);
            listOnly("next", next);
            listOnly("status", status);
        }
    }

    private static void listOnly(String field, Object value) {
        if (value != null) {
            throw Refusal.invalid(field, field + " belongs to the attention list; give orderId alone for one case");
        }
    }
}
