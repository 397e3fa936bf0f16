package io.claimdesk.policy;

/** How much of the order has been refunded; derived from the ledger, never stored. */
public enum RefundStanding {
    NONE, PARTIAL, FULL
}
