package io.claimdesk.policy;

/** The resolution options of DOMAIN.md's table. */
public enum OptionKind {
    CONTACT_BUYER, REFUND, REFUND_AND_REORDER, CARRIER_ASSISTANCE, FBA_PROCESS
}
