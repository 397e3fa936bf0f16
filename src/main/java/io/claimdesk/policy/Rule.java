package io.claimdesk.policy;

/** The rules of the seller help page, as restated with ids in DOMAIN.md. Every decision cites at least one. */
public enum Rule {
    /** The seller's own customer service decides; talk to the buyer first. */
    R1,
    /** Negative feedback stays possible whatever the seller chooses. */
    R2,
    /** Refund (full or partial); a parcel arriving after the refund may be charged again with consent. */
    R3,
    /** Marketplace-fulfilled (FBA) orders follow the marketplace's customer-returns process. */
    R4,
    /** Contacting the buyer first: the buyer may still file an A-to-z Guarantee claim. */
    R5,
    /** Claim window: opens at the earlier of max delivery + 3 days and order + 30 days, closes 90 days after max delivery. */
    R6,
    /** Refund and ask to reorder; if the original arrives, arrange its return. */
    R7,
    /** Lost in transit or wrong address: the carrier may help (tracking, insurance, other options). */
    R8
}
