package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What follows when the original parcel turns up (R3, R7), decided from the refunds recorded so far. */
public sealed interface LateArrival {

    LocalDate deliveredOn();

    /** The rule-citing sentences for the seller. */
    List<Statement> statements();

    /** The rule that decides the next step. */
    Rule rule();

    /** No refund yet: the case closes as delivered. */
    record ClosedAsDelivered(LocalDate deliveredOn) implements LateArrival {
        public Rule rule() {
            return Rule.R1;
        }

        public List<Statement> statements() {
            return List.of(Statement.of(Rule.R1, Message.ARRIVAL_CLOSES_CASE, deliveredOn));
        }
    }

    /**
     * After a plain refund: the buyer may be charged again, only with consent (R3).
     * {@code refundAfterArrival} is the first refund dated after the delivery date, if any (a refund on
     * the delivery day itself may have gone out before the parcel came, so it is not reported).
     */
    record AskConsentToCharge(LocalDate deliveredOn, Optional<Refund> refundAfterArrival) implements LateArrival {
        public Rule rule() {
            return Rule.R3;
        }

        public List<Statement> statements() {
            return withEarlyArrivalNote(Statement.of(Rule.R3, Message.ARRIVAL_ASK_CONSENT, deliveredOn), deliveredOn, refundAfterArrival);
        }
    }

    /** After a refund with a reorder request: arrange the return of the original parcel (R7). */
    record ArrangeReturn(LocalDate deliveredOn, Optional<Refund> refundAfterArrival) implements LateArrival {
        public Rule rule() {
            return Rule.R7;
        }

        public List<Statement> statements() {
            return withEarlyArrivalNote(Statement.of(Rule.R7, Message.ARRIVAL_ARRANGE_RETURN, deliveredOn), deliveredOn, refundAfterArrival);
        }
    }

    static LateArrival decide(RefundLedger ledger, LocalDate deliveredOn) {
        if (ledger.refunds().isEmpty()) {
            return new ClosedAsDelivered(deliveredOn);
        }
        // A refund dated after the delivery went out for a parcel that had already arrived: say so.
        Optional<Refund> refundAfterArrival = ledger.refunds().stream()
                .filter(r -> r.refundedOn().isAfter(deliveredOn))
                .min(Comparator.comparing(Refund::refundedOn));
        return ledger.reorderRequested()
                ? new ArrangeReturn(deliveredOn, refundAfterArrival)
                : new AskConsentToCharge(deliveredOn, refundAfterArrival);
    }

    private static List<Statement> withEarlyArrivalNote(Statement main, LocalDate deliveredOn, Optional<Refund> refundAfterArrival) {
        List<Statement> says = new ArrayList<>();
        says.add(main);
        refundAfterArrival.ifPresent(r -> says.add(
                Statement.of(Rule.R3, Message.ARRIVAL_BEFORE_REFUND, deliveredOn, r.refundedOn())));
        return List.copyOf(says);
    }
}
