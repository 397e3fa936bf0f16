package io.claimdesk.functions;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.claimdesk.policy.CaseStatus;

/**
 * caseDesk's input: {@code orderId} for one case (GET /cases/{orderId}); otherwise the attention list (GET /cases):
 * the cases needing the seller on or before {@code attention} (default: today in each marketplace's zone), of one
 * {@code marketplace} and {@code status} when given, {@code limit} per page (1 to 100, default 100), from the page
 * token {@code next} of the previous page.
 */
public record CaseDeskInput(
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId,
        LocalDate attention,
        @Pattern(regexp = "[A-Z]{2}", message = "must be a marketplace code such as FR, DE, ES, IT, UK, US, JP") String marketplace,
        CaseStatus status,
        @Size(min = 1, max = 2048) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be the next value of the previous page, unchanged") String next,
        @Min(1) @Max(100) Integer limit,
        @Pattern(regexp = "(?i)fr|en", message = "must be fr or en") String language) {
}
