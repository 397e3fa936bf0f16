package io.claimdesk.functions;

import java.time.Instant;
import java.time.LocalDate;

import io.claimdesk.policy.ClaimOutcome;
import io.claimdesk.policy.Language;

/**
 * recordClaim's input: on an existing case, the buyer's A-to-z Guarantee claim as it goes: its filing ({@code filedOn},
 * or {@code filedAt} when the instant is known, or both; Amazon's {@code reference}), the seller's answer to Amazon
 * ({@code respondedAt}, R9), its {@code outcome} and {@code decidedOn} (default today). Any of them, in one call or
 * several; the case's facts are not sent again.
 */
public record RecordClaimInput(
        String orderId,
        LocalDate filedOn,
        Instant filedAt,
        String reference,
        Instant respondedAt,
        ClaimOutcome outcome,
        LocalDate decidedOn,
        Language language) {

    public RecordClaimInput {
        Fields.required("orderId", orderId);
        Fields.id("orderId", orderId);
        Fields.id("reference", reference);
    }
}
