package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the reported arrival of the original parcel means for the case, decided from what the case holds. */
public sealed interface ArrivalDecision {

    LocalDate deliveredOn();

    /** The rule-citing sentences for the seller. */
    List<Statement> statements();

    /** The decision's stable name, for answers. */
    String code();

    /**
     * The parcel came after one or more refunds (R3, R7): Amazon may charge the buyer again with consent for a
     * plain refund, the return is arranged for a refund with reorder; both when both kinds went out before it.
     */
    record LateArrival(LocalDate deliveredOn, boolean consentNeeded, boolean returnNeeded, FollowUps followUps,
                       Optional<Refund> laterRefund) implements ArrivalDecision {
        public String code() {
            return consentNeeded && returnNeeded ? "ASK_CONSENT_AND_ARRANGE_RETURN"
                    : consentNeeded ? "ASK_CONSENT_TO_CHARGE" : "ARRANGE_RETURN";
        }

        public List<Statement> statements() {
            List<Statement> says = new ArrayList<>();
            if (consentNeeded) {
                says.add(followUps.consent() == null ? Statement.of(Rule.R3, Message.ARRIVAL_ASK_CONSENT, deliveredOn)
                        : Statement.of(Rule.R3, followUps.consent() == FollowUp.CONSENT_GIVEN ? Message.CONSENT_GIVEN : Message.CONSENT_REFUSED));
            }
            if (returnNeeded) {
                says.add(followUps.returnReceived() ? Statement.of(Rule.R7, Message.RETURN_RECEIVED)
                        : Statement.of(Rule.R7, Message.ARRIVAL_ARRANGE_RETURN, deliveredOn));
            }
            laterRefund.ifPresent(r -> says.add(Statement.of(Rule.R3, Message.ARRIVAL_BEFORE_REFUND, deliveredOn, r.refundedOn())));
            return List.copyOf(says);
        }
    }

    /** Every refund went out after the parcel had arrived: that, and only that, is what it means (R3). */
    record ArrivedBeforeRefund(LocalDate deliveredOn, Refund firstRefund) implements ArrivalDecision {
        public String code() {
            return "ARRIVED_BEFORE_REFUND";
        }

        public List<Statement> statements() {
            return List.of(Statement.of(Rule.R3, Message.ARRIVAL_BEFORE_REFUND, deliveredOn, firstRefund.refundedOn()));
        }
    }

    /** No refund yet and the buyer confirms receipt, or the seller reports it after the claim window: closed as delivered. */
    record ReceiptConfirmed(LocalDate deliveredOn, ArrivalSource source) implements ArrivalDecision {
        public String code() {
            return "RECEIPT_CONFIRMED";
        }

        public List<Statement> statements() {
            return source == ArrivalSource.BUYER
                    ? List.of(Statement.of(Rule.R1, Message.RECEIPT_CONFIRMED_BY_BUYER, deliveredOn))
                    : List.of(Statement.of(Rule.R6, Message.RECEIPT_RECORDED_AFTER_WINDOW, deliveredOn));
        }
    }

    /**
     * No refund yet, and only a carrier scan (or the seller's word while the window runs) says it arrived: the
     * seller's evidence in a not-received dispute, not its end. The buyer can still file a claim (R5).
     */
    record DeliveryEvidence(LocalDate deliveredOn, ArrivalSource source) implements ArrivalDecision {
        public String code() {
            return "DELIVERY_EVIDENCE";
        }

        public List<Statement> statements() {
            return List.of(Statement.of(Rule.R5, source == ArrivalSource.CARRIER ? Message.EVIDENCE_CARRIER_SCAN
                    : Message.EVIDENCE_SELLER_REPORT, deliveredOn));
        }
    }

    static ArrivalDecision of(ClaimCase c) {
        LocalDate deliveredOn = c.deliveredOn().orElseThrow();
        Optional<Refund> laterRefund = c.ledger().refunds().stream().filter(r -> r.refundedOn().isAfter(deliveredOn))
                .min(Comparator.comparing(Refund::refundedOn));
        if (c.arrivedAfterRefund()) {
            return new LateArrival(deliveredOn, c.consentNeeded(), c.returnNeeded(), c.followUps(), laterRefund);
        }
        if (laterRefund.isPresent()) {
            return new ArrivedBeforeRefund(deliveredOn, laterRefund.get());
        }
        if (c.receiptConfirmed()) {
            return new ReceiptConfirmed(deliveredOn, c.arrival(ArrivalSource.BUYER).isPresent() ? ArrivalSource.BUYER : ArrivalSource.SELLER);
        }
        return new DeliveryEvidence(deliveredOn, c.deliveryReport().map(Arrival::source).orElseThrow());
    }
}
