package io.claimdesk.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a case on a day: the claim window (R6), the phase, the ranked options and the explanation. */
public final class ClaimPolicy {

    private ClaimPolicy() {
    }

    public static ClaimEvaluation evaluate(ClaimCase claimCase, LocalDate asOf) {
        OrderFacts facts = claimCase.facts();
        ClaimWindow window = claimCase.window();
        ClaimPhase phase = window.phaseOn(asOf);
        List<Statement> says = new ArrayList<>();
        if (phase instanceof ClaimPhase.NotYetOpen n) {
            says.add(Statement.of(Rule.R6, Message.WINDOW_NOT_YET_OPEN, asOf, window.opensOn(), n.daysUntilOpen()));
        } else if (phase instanceof ClaimPhase.Open o) {
            says.add(o.daysLeft() == 0 ? Statement.of(Rule.R6, Message.WINDOW_OPEN_LAST_DAY, asOf)
                    : Statement.of(Rule.R6, Message.WINDOW_OPEN, asOf, window.deadline(), o.daysLeft()));
        } else if (phase instanceof ClaimPhase.Late l) {
            says.add(Statement.of(Rule.R6, Message.WINDOW_LATE, asOf, window.deadline(), l.daysPast()));
        }
        says.add(openingStatement(facts, window));
        says.add(facts.isService()
                ? Statement.of(Rule.R6, Message.DEADLINE_FROM_SERVICE, facts.serviceDate())
                : Statement.of(Rule.R6, Message.DEADLINE_FROM_DELIVERY, facts.maxDeliveryDate()));
        RefundLedger ledger = claimCase.ledger();
        if (ledger.standing() == RefundStanding.FULL && facts.fulfilment() == Fulfilment.SELLER) {
            says.add(Statement.of(Rule.R3, Message.FULLY_REFUNDED, ledger.refunded()));
        }
        if (!claimCase.arrivals().isEmpty()) {
            says.addAll(ArrivalDecision.of(claimCase).statements());
        }
        Claim claim = claimCase.claim();
        if (claim != null && claim.pending()) {
            says.add(Statement.of(Rule.R6, Message.CLAIM_PENDING, claim.filedOn()));
            if (claim.awaitsAnswer()) {
                Instant respondBy = claim.respondBy(facts.marketplace().zone());
                says.add(Statement.of(Rule.R9, Message.CLAIM_RESPOND_BY, facts.marketplace().dateOf(respondBy), respondBy));
            }
        }
        if (claim != null) {
            claim.appealBy().filter(last -> !asOf.isAfter(last))
                    .ifPresent(last -> says.add(Statement.of(Rule.R10, Message.APPEAL_UNTIL, last)));
        }
        if (claimCase.status() == CaseStatus.CLOSED) {
            says.add(Statement.of(claimCase.closeReason() == CloseReason.DELIVERED ? Rule.R1 : closingRule(claimCase.closeReason()),
                    closingMessage(claimCase.closeReason())));
        }
        says.add(Statement.of(Rule.R2, Message.FEEDBACK_STAYS_POSSIBLE));
        return new ClaimEvaluation(asOf, window, phase, ResolutionOptions.rank(claimCase, window, phase), says);
    }

    private static Rule closingRule(CloseReason reason) {
        return switch (reason) {
            case REFUNDED, LATE_ARRIVAL_SETTLED, LATE_ARRIVAL_UNSETTLED -> Rule.R3;
            default -> Rule.R6;
        };
    }

    private static Message closingMessage(CloseReason reason) {
        return switch (reason) {
            case DELIVERED -> Message.CLOSED_DELIVERED;
            case CLAIM_DEADLINE_PASSED -> Message.CLOSED_DEADLINE_PASSED;
            case REFUNDED -> Message.CLOSED_REFUNDED;
            case CLAIM_GRANTED -> Message.CLOSED_CLAIM_GRANTED;
            case CLAIM_DENIED -> Message.CLOSED_CLAIM_DENIED;
            case LATE_ARRIVAL_SETTLED -> Message.CLOSED_LATE_ARRIVAL_SETTLED;
            case LATE_ARRIVAL_UNSETTLED -> Message.CLOSED_LATE_ARRIVAL_UNSETTLED;
        };
    }

    /**
     * Which R6 bound opened the window; when both fall on one day, say so rather than call one "earlier". A
     * service is told about its date of service, never a delivery date.
     */
    private static Statement openingStatement(OrderFacts facts, ClaimWindow window) {
        boolean service = facts.isService();
        if (facts.deliveryBase().plusDays(ClaimWindow.DAYS_AFTER_MAX_DELIVERY)
                .equals(facts.orderDate().plusDays(ClaimWindow.DAYS_AFTER_ORDER))) {
            return Statement.of(Rule.R6, service ? Message.OPENS_ON_BOTH_BOUNDS_FOR_SERVICE : Message.OPENS_ON_BOTH_BOUNDS,
                    window.opensOn());
        }
        return window.openedByOrderDate(facts)
                ? Statement.of(Rule.R6, service ? Message.OPENS_BY_ORDER_FOR_SERVICE : Message.OPENS_BY_ORDER,
                        window.opensOn(), facts.orderDate())
                : Statement.of(Rule.R6, service ? Message.OPENS_BY_SERVICE_DATE : Message.OPENS_BY_DELIVERY,
                        window.opensOn(), facts.deliveryBase());
    }
}
