package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the seller may send the buyer as it is, in the marketplace's own language and formats, signed by
 * the seller (its last line, {@link Message#PART_SIGNATURE}, is the only thing to fill in). It holds the order
 * id, dates and amounts of the case, never anything about the buyer (the desk holds nothing about them), and
 * promises nothing the seed does not: Amazon, not the seller, may charge the buyer again, with consent (R3).
 */
public record Draft(Purpose purpose, Rule rule, Marketplace marketplace, Message message, List<String> args) {

    /** What the draft is for. */
    public enum Purpose {
        /** Talking to the buyer first (R1, R5). */
        CONTACT_BUYER,
        /** A refund was made (R3). */
        REFUND_DONE,
        /** A refund was made; please order again (R7). */
        REFUND_DONE_REORDER,
        /** The order arrived after its refund: does the buyer consent to Amazon's re-charge (R3)? */
        ASK_CONSENT_TO_CHARGE,
        /** The original arrived after a refund with reorder: arranging its return (R7). */
        ARRANGE_RETURN
    }

    public Draft {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(marketplace, "marketplace");
        if (message.use() != Message.Use.DRAFT) {
            throw new IllegalArgumentException(message + " is not a draft");
        }
        args = List.copyOf(args);
    }

    /** The buyer's language: the marketplace's own, whatever language the seller reads. */
    public Language language() {
        return marketplace.defaultLanguage();
    }

    /** The draft, ready to send: lines separated by "\n", the seller's signature line last. */
    public String text() {
        Wording buyer = Wording.buyerOf(marketplace);
        return message.render(buyer, args) + "\n" + Message.PART_SIGNATURE.render(buyer, List.of());
    }

    /** Contacting the buyer: the delivery (or service) date, or the carrier's delivery scan when there is one. */
    static Draft contact(OrderFacts facts, Optional<LocalDate> scannedOn) {
        Message message = scannedOn.isPresent() ? Message.DRAFT_CONTACT_BUYER_SCAN
                : facts.isService() ? Message.DRAFT_CONTACT_BUYER_SERVICE : Message.DRAFT_CONTACT_BUYER;
        return of(Purpose.CONTACT_BUYER, Rule.R1, facts, message, facts.orderId(), scannedOn.orElse(facts.deliveryBase()));
    }

    /** After a refund of {@code amount}, with or without asking the buyer to order again. */
    static Draft refund(OrderFacts facts, Money amount, boolean reorder) {
        return reorder
                ? of(Purpose.REFUND_DONE_REORDER, Rule.R7, facts, Message.DRAFT_REFUND_AND_REORDER, facts.orderId(), amount)
                : of(Purpose.REFUND_DONE, Rule.R3, facts, Message.DRAFT_REFUND_DONE, facts.orderId(), amount);
    }

    /**
     * The draft for a refund just recorded, with its own amount; none when the buyer said the order arrived
     * (the draft would tell them it did not).
     */
    public static Optional<Draft> afterRefund(ClaimCase claimCase, Refund refund) {
        if (claimCase.arrival(ArrivalSource.BUYER).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(refund(claimCase.facts(), refund.amount(), refund.reorderRequested()));
    }

    /**
     * After a late arrival, what is still to ask the buyer: consent to Amazon's re-charge for the plain refunds
     * made before it (R3), the return after a refund with reorder (R7). Nothing once those are recorded.
     */
    public static List<Draft> afterArrival(ClaimCase claimCase) {
        List<Draft> drafts = new ArrayList<>();
        if (!claimCase.arrivedAfterRefund()) {
            return drafts;
        }
        OrderFacts facts = claimCase.facts();
        LocalDate deliveredOn = claimCase.deliveredOn().orElseThrow();
        if (claimCase.consentNeeded() && claimCase.followUps().consent() == null) {
            Money refunded = claimCase.refundsBeforeArrival().stream().filter(r -> !r.reorderRequested())
                    .map(Refund::amount).reduce(Money.zero(facts.orderTotal().currency()), Money::plus);
            drafts.add(of(Purpose.ASK_CONSENT_TO_CHARGE, Rule.R3, facts, Message.DRAFT_ASK_CONSENT, facts.orderId(),
                    deliveredOn, refunded));
        }
        if (claimCase.returnNeeded() && !claimCase.followUps().returnReceived()) {
            drafts.add(of(Purpose.ARRANGE_RETURN, Rule.R7, facts, Message.DRAFT_ARRANGE_RETURN, facts.orderId(), deliveredOn));
        }
        return List.copyOf(drafts);
    }

    private static Draft of(Purpose purpose, Rule rule, OrderFacts facts, Message message, Object... args) {
        return new Draft(purpose, rule, facts.marketplace(), message, Arrays.stream(args).map(String::valueOf).toList());
    }
}
