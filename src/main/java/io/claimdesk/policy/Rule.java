package io.claimdesk.policy;

/**
 * The rules of the seller help page (R1-R8), and of Amazon's other seller pages (R9-R12), as restated with ids and
 * sources in DOMAIN.md. Every decision cites at least one.
 */
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
    R8,
    /** Amazon may ask the seller about a filed claim and grants it if no answer comes in time (48 h on one page, 72 h on another). */
    R9,
    /** A granted claim can be appealed within 30 calendar days of the decision. */
    R10,
    /** Claims protection: a Buy Shipping label with the Claims Protected badge, shipped on time; a seller's own refund is not reimbursed. */
    R11,
    /** A-to-z claims count toward the Order Defect Rate, to be kept under 1 % over 60 days (except claims Amazon funds under R11). */
    R12
}
