package io.claimdesk.policy;

/** Who shipped the order: the seller, or the marketplace (FBA, "Expédié par Amazon": R4). */
public enum Fulfilment {
    SELLER, MARKETPLACE
}
