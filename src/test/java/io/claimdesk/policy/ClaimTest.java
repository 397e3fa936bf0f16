package io.claimdesk.policy;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** R6: the buyer's A-to-z Guarantee claim, filed on time or late, and Amazon's decision. */
class ClaimTest {

    // window: opens 2026-03-13, deadline 2026-06-08
    private final ClaimCase open = order("2026-03-01", "2026-03-10").open();

    private static ClaimCase.ClaimReport filed(String on) {
        return new ClaimCase.ClaimReport(date(on), null, null, null);
    }

    private static ClaimCase.ClaimReport decided(String filedOn, ClaimOutcome outcome, String on) {
        return new ClaimCase.ClaimReport(date(filedOn), null, outcome, on == null ? null : date(on));
    }

    private static Refusal refusal(Runnable move) {
        return catchThrowableOfType(Refusal.class, move::run);
    }

    @Test
    void aClaimFiledInTheWindowNeedsTheSellersAnswerTheSameDay() {
        ClaimCase.Transition t = open.claim(new ClaimCase.ClaimReport(date("2026-03-20"), "AZ-123", null, null), noonInParis("2026-03-21"));

        assertThat(t.after().status()).isEqualTo(CaseStatus.CLAIM_FILED);
        // Answer due 48 hours after the start of its day in Paris: 2026-03-20T00:00+01:00 + 48 h.
        assertThat(t.after().claim()).isEqualTo(new Claim(date("2026-03-20"), null, "AZ-123", date("2026-03-21"),
                java.time.Instant.parse("2026-03-21T23:00:00Z"), null, null, null));
        assertThat(t.entries()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("CLAIM_FILED");
            assertThat(e.statements()).extracting(Statement::message).containsExactly(Message.CLAIM_FILED, Message.CLAIM_ANSWER_WITH_EVIDENCE);
        });
        assertThat(t.after().nextAttention()).contains(new Attention(date("2026-03-21"), Attention.Kind.CLAIM_RESPONSE_DUE));
        ClaimCase reminded = t.after().attend(date("2026-03-21"), noonInParis("2026-03-21")).after();
        assertThat(reminded.history()).last().satisfies(e -> assertThat(e.event()).isEqualTo("CLAIM_RESPONSE_DUE"));
        assertThat(reminded.nextAttention()).as("then it waits for Amazon's decision").isEmpty();
    }

    @Test
    void aClaimFiledAfterTheDeadlineIsRecordedAndReopensAClosedCase() {
        ClaimCase closed = open.attend(date("2026-06-09"), noonInParis("2026-06-09")).after();
        assertThat(closed.closeReason()).isEqualTo(CloseReason.CLAIM_DEADLINE_PASSED);

        ClaimCase.Transition t = closed.claim(filed("2026-06-20"), noonInParis("2026-06-20"));

        assertThat(t.after().status()).isEqualTo(CaseStatus.CLAIM_FILED);
        assertThat(t.after().closeReason()).isNull();
        assertThat(t.after().closedOn()).isNull();
        assertThat(t.entries().get(0).statements().get(0).message()).isEqualTo(Message.CLAIM_FILED_LATE);
        assertThat(t.entries().get(0).statements().get(0).render(Language.EN))
                .contains("Amazon reserves the right to accept claims filed after the deadline");
    }

    @Test
    void amazonsDecisionClosesTheCaseAndADenialMayTurnIntoAGrant() {
        ClaimCase filed = open.claim(filed("2026-03-20"), noonInParis("2026-03-21")).after();

        ClaimCase denied = filed.claim(decided("2026-03-20", ClaimOutcome.DENIED, "2026-04-01"), noonInParis("2026-04-02")).after();
        assertThat(denied.closeReason()).isEqualTo(CloseReason.CLAIM_DENIED);
        assertThat(denied.closedOn()).isEqualTo(date("2026-04-02"));

        ClaimCase granted = denied.claim(decided("2026-03-20", ClaimOutcome.GRANTED, null), noonInParis("2026-04-10")).after();
        assertThat(granted.closeReason()).isEqualTo(CloseReason.CLAIM_GRANTED);
        assertThat(granted.claim().decidedOn()).as("today when not given").isEqualTo(date("2026-04-10"));

        // the denial delivered again later cannot undo the grant
        Refusal refusal = refusal(() -> granted.claim(decided("2026-03-20", ClaimOutcome.DENIED, "2026-04-01"), noonInParis("2026-04-11")));
        assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
        assertThat(refusal.field()).isEqualTo("claim.outcome");
        assertThat(granted.claim(decided("2026-03-20", ClaimOutcome.GRANTED, null), noonInParis("2026-04-12")).changed()).isFalse();
    }

    @Test
    void aClaimAndItsOutcomeInOneCallAddTwoEntries() {
        ClaimCase.Transition t = open.claim(decided("2026-03-20", ClaimOutcome.GRANTED, "2026-03-25"), noonInParis("2026-03-26"));

        assertThat(t.entries()).extracting(HistoryEntry::event).containsExactly("CLAIM_FILED", "CLAIM_GRANTED");
        assertThat(t.after().closeReason()).isEqualTo(CloseReason.CLAIM_GRANTED);
    }

    @Test
    void aWithdrawnClaimLeavesTheCaseWhereTheRestOfItStands() {
        ClaimCase flagged = open.refund(RefundRequest.of("rf-1", "20.00", null, false, null, null), noonInParis("2026-03-14")).after()
                .arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-20")).after();

        ClaimCase withdrawn = flagged.claim(filed("2026-03-21"), noonInParis("2026-03-21")).after()
                .claim(decided("2026-03-21", ClaimOutcome.WITHDRAWN, null), noonInParis("2026-03-22")).after();

        assertThat(withdrawn.status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
        assertThat(open.claim(decided("2026-03-20", ClaimOutcome.WITHDRAWN, "2026-03-21"), noonInParis("2026-03-22")).after().status())
                .isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void afterAWithdrawalTheBuyerMayFileAgain() {
        ClaimCase withdrawn = open.claim(decided("2026-03-20", ClaimOutcome.WITHDRAWN, "2026-03-22"), noonInParis("2026-03-22")).after();

        ClaimCase refiled = withdrawn.claim(filed("2026-04-02"), noonInParis("2026-04-02")).after();

        assertThat(refiled.status()).isEqualTo(CaseStatus.CLAIM_FILED);
        // Paris is on summer time from 29 March: 2026-04-02T00:00+02:00 + 48 h.
        assertThat(refiled.claim()).isEqualTo(new Claim(date("2026-04-02"), null, null, date("2026-04-02"),
                java.time.Instant.parse("2026-04-03T22:00:00Z"), null, null, null));
        // the first claim and its withdrawal delivered again change nothing
        assertThat(refusal(() -> refiled.claim(decided("2026-03-20", ClaimOutcome.WITHDRAWN, "2026-03-22"), noonInParis("2026-04-03")))
                .code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
        assertThat(refusal(() -> withdrawn.claim(filed("2026-03-21"), noonInParis("2026-04-03"))).field())
                .as("a filing dated before the withdrawal is not a new claim").isEqualTo("claim.filedOn");
    }

    @Test
    void theSameClaimAgainChangesNothingAndAnotherClaimIsRefused() {
        ClaimCase filed = open.claim(filed("2026-03-20"), noonInParis("2026-03-21")).after();

        assertThat(filed.claim(filed("2026-03-20"), noonInParis("2026-03-25")).changed()).isFalse();
        Refusal refusal = refusal(() -> filed.claim(filed("2026-03-22"), noonInParis("2026-03-25")));
        assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
        assertThat(refusal.field()).isEqualTo("claim.filedOn");
    }

    @Test
    void claimDatesMustBeBetweenTheOrderAndToday() {
        assertThat(refusal(() -> open.claim(filed("2026-02-28"), noonInParis("2026-03-21"))).field()).isEqualTo("claim.filedOn");
        assertThat(refusal(() -> open.claim(filed("2026-03-22"), noonInParis("2026-03-21"))).field()).isEqualTo("claim.filedOn");
        assertThat(refusal(() -> open.claim(decided("2026-03-20", ClaimOutcome.DENIED, "2026-03-19"), noonInParis("2026-03-21")))
                .field()).isEqualTo("claim.decidedOn");
        assertThat(refusal(() -> open.claim(new ClaimCase.ClaimReport(date("2026-03-20"), null, null, date("2026-03-21")),
                noonInParis("2026-03-21"))).field()).isEqualTo("claim.outcome");
    }

    @Test
    void aClaimFiledBeforeTheWindowOpensIsSaidSo() {
        ClaimCase.Transition t = open.claim(filed("2026-03-12"), noonInParis("2026-03-12"));

        assertThat(t.entries().get(0).statements().get(0).message()).isEqualTo(Message.CLAIM_FILED_EARLY);
    }

    @Test
    void aGrantedClaimCanBeAppealedThrough30CalendarDaysAndTheSweepNotesTheDayAfter() {
        ClaimCase granted = open.claim(decided("2026-03-20", ClaimOutcome.GRANTED, "2026-03-30"), noonInParis("2026-03-30")).after();

        // R10: 30 calendar days after the decision, across the change to summer time in Paris on 29 March.
        assertThat(granted.claim().appealBy()).contains(date("2026-04-29"));
        assertThat(granted.nextAttention()).contains(new Attention(date("2026-04-30"), Attention.Kind.APPEAL_PERIOD_ENDS));
        assertThat(granted.attend(date("2026-04-29"), noonInParis("2026-04-29")).changed()).as("still open to appeal").isFalse();
        ClaimCase.Transition ended = granted.attend(date("2026-04-30"), noonInParis("2026-04-30"));
        assertThat(ended.entries()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("APPEAL_PERIOD_ENDED");
            assertThat(e.rules()).containsExactly(Rule.R10);
        });
        assertThat(ended.after().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(ended.after().nextAttention()).isEmpty();

        for (ClaimOutcome other : new ClaimOutcome[] {ClaimOutcome.DENIED, ClaimOutcome.WITHDRAWN}) {
            ClaimCase decided = open.claim(decided("2026-03-20", other, "2026-03-30"), noonInParis("2026-03-30")).after();
            assertThat(decided.claim().appealBy()).as("only a grant is appealed: %s", other).isEmpty();
        }
    }
}
