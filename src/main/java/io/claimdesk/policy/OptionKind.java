package io.claimdesk.policy;

/**
 * The resolution options of DOMAIN.md's table, and {@code LEAVE_CLAIM_TO_AMAZON}: with claims protection (R11), contact
 * the buyer and let Amazon fund a claim rather than refund.
 */
public enum OptionKind {
    CONTACT_BUYER, REFUND, REFUND_AND_REORDER, CARRIER_ASSISTANCE, FBA_PROCESS, LEAVE_CLAIM_TO_AMAZON
}
