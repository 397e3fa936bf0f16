package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a case needs the scheduled sweep, and what the sweep says then. Which attentions apply depends on the
 * status; each is handled once per date, so a corrected date brings its attention back.
 */
final class CaseAttention {

    private CaseAttention() {
    }

    /** The attentions a case in {@code status} can need. A closed case needs one only after a granted claim (its appeal period). */
    static List<Attention.Kind> kindsFor(CaseStatus status) {
        return switch (status) {
            case OPEN -> List.of(Attention.Kind.CLAIM_WINDOW_OPENS, Attention.Kind.CLAIM_DEADLINE_PASSED);
            case CLAIM_FILED -> List.of(Attention.Kind.CLAIM_RESPONSE_DUE);
            case LATE_ARRIVAL_FLAGGED -> List.of(Attention.Kind.LATE_ARRIVAL_FOLLOW_UP, Attention.Kind.LATE_ARRIVAL_EXPIRES);
            case CLOSED -> List.of(Attention.Kind.APPEAL_PERIOD_ENDS);
        };
    }

    /** The day an attention of this kind falls on for the case as it is, if it has one. */
    static Optional<LocalDate> dueOn(ClaimCase c, Attention.Kind kind) {
        return switch (kind) {
            case CLAIM_WINDOW_OPENS -> Optional.of(c.window().opensOn());
            case CLAIM_DEADLINE_PASSED -> Optional.of(c.window().deadline().plusDays(1));
            case CLAIM_RESPONSE_DUE -> Optional.ofNullable(c.claim()).map(Claim::recordedOn);
            case LATE_ARRIVAL_FOLLOW_UP -> flaggedOn(c).map(d -> d.plusDays(Attention.FOLLOW_UP_DAYS));
            case LATE_ARRIVAL_EXPIRES -> flaggedOn(c).map(d -> d.plusDays(Attention.FOLLOW_UP_EXPIRES_DAYS));
            case APPEAL_PERIOD_ENDS -> Optional.ofNullable(c.claim()).flatMap(Claim::appealBy).map(d -> d.plusDays(1));
        };
    }

    /** The day the late arrival was recorded, from which its follow-up and expiry are counted. */
    private static Optional<LocalDate> flaggedOn(ClaimCase c) {
        return c.arrivedAfterRefund() ? c.deliveryReport().map(Arrival::recordedOn) : Optional.empty();
    }

    static Optional<Attention> next(ClaimCase c) {
        return kindsFor(c.status()).stream()
                .flatMap(kind -> dueOn(c, kind).map(on -> new Attention(on, kind)).stream())
                .filter(a -> !c.noted().contains(a))
                .min(Comparator.comparing(Attention::on));
    }

    /** What the sweep tells the seller when it handles {@code attention} on the case as it was before. */
    static List<Statement> says(ClaimCase c, Attention attention) {
        ClaimWindow window = c.window();
        return switch (attention.kind()) {
            case CLAIM_WINDOW_OPENS -> List.of(Statement.of(Rule.R6, Message.WINDOW_OPENED, window.opensOn()));
            case CLAIM_RESPONSE_DUE -> List.of(Statement.of(Rule.R6, Message.CLAIM_RESPONSE_DUE, c.claim().filedOn()));
            case CLAIM_DEADLINE_PASSED -> c.ledger().refunds().isEmpty()
                    ? List.of(Statement.of(Rule.R6, Message.DEADLINE_PASSED_CLOSED, window.deadline()))
                    : List.of(Statement.of(Rule.R6, Message.DEADLINE_PASSED_REFUNDED, window.deadline()));
            case LATE_ARRIVAL_FOLLOW_UP -> pending(c, Message.FOLLOW_UP_CONSENT, Message.FOLLOW_UP_RETURN);
            case LATE_ARRIVAL_EXPIRES -> pending(c, Message.EXPIRED_CONSENT, Message.EXPIRED_RETURN);
            case APPEAL_PERIOD_ENDS -> List.of(Statement.of(Rule.R10, Message.APPEAL_PERIOD_ENDED, c.claim().appealBy().orElseThrow()));
        };
    }

    private static List<Statement> pending(ClaimCase c, Message consent, Message giveBack) {
        LocalDate deliveredOn = c.deliveredOn().orElseThrow();
        List<Statement> says = new ArrayList<>();
        if (c.consentNeeded() && c.followUps().consent() == null) {
            says.add(Statement.of(Rule.R3, consent, deliveredOn));
        }
        if (c.returnNeeded() && !c.followUps().returnReceived()) {
            says.add(Statement.of(Rule.R7, giveBack, deliveredOn));
        }
        return says;
    }
}
