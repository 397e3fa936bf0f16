package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Ranks what the seller can do about an order reported as not received (R1, R3, R4, R5, R7, R8). */
public final class ResolutionOptions {

    private ResolutionOptions() {
    }

    /**
     * Contacting the buyer always comes first (R1). A marketplace-fulfilled order goes to the marketplace's
     * returns process instead of seller refunds (R4). Otherwise refunds are offered while something is left
     * to refund (R3, R7), and carrier assistance when the carrier reports the parcel lost or misdelivered
     * (R8): before the claim window opens there is time to let the carrier search first, afterwards the
     * refund, being the friendliest answer, ranks first.
     * <p>Claims protection (R11: a Buy Shipping label with the Claims Protected badge, shipped on time) with no refund
     * recorded yet changes what a refund costs: Amazon would fund the claim, and not count it toward the ODR, but does
     * not reimburse a refund the seller makes itself. Then leaving the claim to Amazon ranks second, right after
     * contacting the buyer, and each refund option says what it costs; the seed's own sentences stay as they are.
     * Without protection, the options that leave room for a claim (contacting the buyer, the carrier's help) say
     * that a claim counts toward the ODR (R12).
     */
    public static List<ResolutionOption> rank(ClaimCase claimCase, ClaimWindow window, ClaimPhase phase) {
        if (claimCase.status() == CaseStatus.CLOSED && claimCase.closeReason().settled()) {
            return List.of();
        }
        OrderFacts facts = claimCase.facts();
        // A carrier scan with no refund before it is the seller's evidence in a not-received dispute.
        Optional<Arrival> scan = claimCase.arrivedAfterRefund() ? Optional.empty() : claimCase.arrival(ArrivalSource.CARRIER);
        List<Kind> order = new ArrayList<>();
        RefundLedger ledger = claimCase.ledger();
        boolean marketplace = facts.fulfilment() == Fulfilment.MARKETPLACE;
        boolean protectedClaim = !marketplace && facts.shipment().claimsProtection() && ledger.refunds().isEmpty();
        // R12 is the seller's to weigh only where it is the seller who answers for the claim.
        boolean countsTowardOdr = !marketplace && !protectedClaim;
        order.add(Kind.contact(facts, window, phase, scan, claimCase.claim()).withOdr(countsTowardOdr));
        if (marketplace) {
            order.add(Kind.marketplaceReturns());
        } else {
            if (protectedClaim) {
                order.add(Kind.leaveClaimToAmazon(facts, scan));
            }
            List<Kind> refunds = ledger.remaining().isPositive()
                    ? List.of(Kind.refund(facts, ledger).notReimbursed(protectedClaim),
                            Kind.refundAndReorder(facts, ledger).notReimbursed(protectedClaim))
                    : List.of();
            Kind carrier = facts.shipment().status().carrierCanHelp() ? Kind.carrier(facts.shipment())
                    : scan.map(a -> Kind.proofOfDelivery(facts.shipment(), a.deliveredOn())).orElse(null);
            carrier = carrier == null ? null : carrier.withOdr(countsTowardOdr);
            if (carrier != null && phase instanceof ClaimPhase.NotYetOpen) {
                order.add(carrier);
                order.addAll(refunds);
            } else {
                order.addAll(refunds);
                if (carrier != null) {
                    order.add(carrier);
                }
            }
        }
        List<ResolutionOption> ranked = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Kind k = order.get(i);
            ranked.add(new ResolutionOption(k.kind, i + 1, k.rules, k.consequences, k.draft));
        }
        return List.copyOf(ranked);
    }

    private record Kind(OptionKind kind, List<Rule> rules, List<Statement> consequences, Draft draft) {

        Kind(OptionKind kind, List<Rule> rules, List<Statement> consequences) {
            this(kind, rules, consequences, null);
        }

        /** R12: with its last consequence that a claim counts toward the Order Defect Rate. */
        Kind withOdr(boolean counts) {
            return counts ? adding(Statement.of(Rule.R12, Message.CLAIM_COUNTS_TOWARD_ODR)) : this;
        }

        /** R11: under claims protection, a refund the seller makes is not reimbursed. */
        Kind notReimbursed(boolean protectedClaim) {
            return protectedClaim ? adding(Statement.of(Rule.R11, Message.REFUND_NOT_REIMBURSED)) : this;
        }

        private Kind adding(Statement said) {
            List<Statement> says = new ArrayList<>(consequences);
            says.add(said);
            List<Rule> cited = new ArrayList<>(rules);
            if (!cited.contains(said.rule())) {
                cited.add(said.rule());
            }
            return new Kind(kind, cited, says, draft);
        }

        /** R11, R2: contact the buyer and let Amazon fund a claim; the buyer may still leave negative feedback. */
        static Kind leaveClaimToAmazon(OrderFacts facts, Optional<Arrival> scan) {
            return new Kind(OptionKind.LEAVE_CLAIM_TO_AMAZON, List.of(Rule.R11, Rule.R2), List.of(
                    Statement.of(Rule.R11, Message.CLAIM_FUNDED_BY_AMAZON),
                    Statement.of(Rule.R2, Message.FEEDBACK_STAYS_POSSIBLE)), Draft.contact(facts, scan.map(Arrival::deliveredOn)));
        }

        /**
         * R5's warning that the buyer may file a claim, as it stands: once a claim is filed and awaits Amazon, that it was
         * filed; after the deadline, that the window ended and Amazon may still accept a late claim (R6).
         */
        static Kind contact(OrderFacts facts, ClaimWindow window, ClaimPhase phase, Optional<Arrival> scan, Claim claim) {
            List<Statement> says = new ArrayList<>();
            says.add(Statement.of(Rule.R1, Message.OWN_POLICY_DECIDES));
            scan.ifPresent(a -> says.add(Statement.of(Rule.R1, Message.CONTACT_WITH_PROOF, a.deliveredOn())));
            says.add(claim != null && claim.pending()
                    ? Statement.of(Rule.R5, Message.CLAIM_ALREADY_FILED, claim.filedOn())
                    : phase instanceof ClaimPhase.Late
                    ? Statement.of(Rule.R5, Message.CLAIM_STILL_POSSIBLE_AFTER_DEADLINE, window.deadline())
                    : Statement.of(Rule.R5, Message.CLAIM_STILL_POSSIBLE, window.opensOn(), window.deadline()));
            return new Kind(OptionKind.CONTACT_BUYER, List.of(Rule.R1, Rule.R5), says,
                    Draft.contact(facts, scan.map(Arrival::deliveredOn)));
        }

        static Kind proofOfDelivery(Shipment shipment, LocalDate scannedOn) {
            return new Kind(OptionKind.CARRIER_ASSISTANCE, List.of(Rule.R8), List.of(Statement.of(Rule.R8,
                    Message.CARRIER_PROOF_OF_DELIVERY, shipment.carrier() == null ? Arg.NO_CARRIER : shipment.carrier(), scannedOn)));
        }

        static Kind marketplaceReturns() {
            return new Kind(OptionKind.FBA_PROCESS, List.of(Rule.R4),
                    List.of(Statement.of(Rule.R4, Message.MARKETPLACE_RETURNS)));
        }

        /** The draft tells the buyer of a refund of what is left; recordRefund's answer drafts the amount refunded. */
        static Kind refund(OrderFacts facts, RefundLedger ledger) {
            return new Kind(OptionKind.REFUND, List.of(Rule.R3), List.of(
                    Statement.of(Rule.R3, Message.REFUND_FRIENDLIEST, ledger.remaining()),
                    Statement.of(Rule.R3, Message.REFUND_THEN_ARRIVAL)), Draft.refund(facts, ledger.remaining(), false));
        }

        static Kind refundAndReorder(OrderFacts facts, RefundLedger ledger) {
            return new Kind(OptionKind.REFUND_AND_REORDER, List.of(Rule.R7), List.of(
                    Statement.of(Rule.R7, Message.REORDER_GOOD_SERVICE),
                    Statement.of(Rule.R7, Message.REORDER_THEN_ARRIVAL)), Draft.refund(facts, ledger.remaining(), true));
        }

        static Kind carrier(Shipment shipment) {
            String carrier = shipment.carrier() == null ? Arg.NO_CARRIER : shipment.carrier();
            List<Statement> says = new ArrayList<>();
            says.add(Statement.of(Rule.R8, shipment.status() == CarrierStatus.LOST_IN_TRANSIT
                    ? Message.CARRIER_STATUS_LOST : Message.CARRIER_STATUS_WRONG_ADDRESS, carrier));
            if (shipment.tracked()) {
                says.add(Statement.of(Rule.R8, Message.CARRIER_TRACKED));
            }
            if (shipment.insured()) {
                says.add(Statement.of(Rule.R8, Message.CARRIER_INSURED));
            }
            // Seed: without tracking information the carrier may still have other ways to find the parcel;
            // insurance pays a claim but does not locate anything, so an insured, untracked parcel gets both.
            if (!shipment.tracked()) {
                says.add(Statement.of(Rule.R8, Message.CARRIER_OTHER_OPTIONS));
            }
            return new Kind(OptionKind.CARRIER_ASSISTANCE, List.of(Rule.R8), says);
        }
    }
}
