package io.claimdesk.policy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static io.claimdesk.policy.Orders.service;
import static org.assertj.core.api.Assertions.assertThat;

/** Evaluating a case on a day: window, phase and an explanation where every line cites its rule. */
class ClaimPolicyTest {

    private static List<Message> messages(ClaimEvaluation evaluation) {
        return evaluation.statements().stream().map(Statement::message).toList();
    }

    private static Statement last(ClaimEvaluation evaluation) {
        return evaluation.statements().get(evaluation.statements().size() - 1);
    }

    @Test
    void beforeTheWindowOpensSaysWhenItOpens() {
        ClaimEvaluation evaluation = ClaimPolicy.evaluate(order("2026-03-01", "2026-03-10").open(), date("2026-03-12"));

        assertThat(evaluation.asOf()).isEqualTo(date("2026-03-12"));
        assertThat(evaluation.window()).isEqualTo(new ClaimWindow(date("2026-03-13"), date("2026-06-08")));
        assertThat(evaluation.phase()).isEqualTo(new ClaimPhase.NotYetOpen(1));
        assertThat(messages(evaluation)).containsExactly(Message.WINDOW_NOT_YET_OPEN, Message.OPENS_BY_DELIVERY,
                Message.DEADLINE_FROM_DELIVERY, Message.FEEDBACK_STAYS_POSSIBLE);
        assertThat(evaluation.statements().get(0).args()).containsExactly("2026-03-12", "2026-03-13", "1");
        assertThat(evaluation.statements().get(1).args()).containsExactly("2026-03-13", "2026-03-10");
        assertThat(evaluation.statements().get(2).args()).containsExactly("2026-03-10");
        assertThat(evaluation.statements().get(0).render(Language.FR))
                .isEqualTo("Au 12 mars 2026, l'acheteur ne peut pas encore déposer de réclamation\u00a0: il pourra le faire à partir du 13 mars 2026, dans 1 jour.");
        assertThat(evaluation.statements().get(0).render(Language.EN))
                .isEqualTo("As of March 12, 2026, the buyer cannot file a claim yet: they can do so from March 13, 2026 (in 1 day).");
    }

    @Test
    void whenBothBoundsFallOnOneDayTheExplanationSaysSo() {
        // Order 2026-01-01 + 30 days = 2026-01-31; max delivery 2026-01-28 + 3 days = 2026-01-31.
        ClaimEvaluation evaluation = ClaimPolicy.evaluate(order("2026-01-01", "2026-01-28").open(), date("2026-01-20"));

        assertThat(evaluation.window().opensOn()).isEqualTo(date("2026-01-31"));
        assertThat(messages(evaluation)).contains(Message.OPENS_ON_BOTH_BOUNDS)
                .doesNotContain(Message.OPENS_BY_ORDER, Message.OPENS_BY_DELIVERY);
        assertThat(evaluation.statements().get(1).render(Language.EN)).contains("January 31, 2026").contains("same day");
    }

    @Test
    void onTheDeadlineTheBuyerCanStillFileAndIsToldItIsTheLastDay() {
        ClaimEvaluation evaluation = ClaimPolicy.evaluate(order("2026-01-01", "2026-02-15").open(), date("2026-05-16"));

        assertThat(evaluation.phase()).isEqualTo(new ClaimPhase.Open(0));
        assertThat(messages(evaluation)).containsExactly(Message.WINDOW_OPEN_LAST_DAY, Message.OPENS_BY_ORDER,
                Message.DEADLINE_FROM_DELIVERY, Message.FEEDBACK_STAYS_POSSIBLE);
        assertThat(evaluation.statements().get(0).args()).containsExactly("2026-05-16");
        assertThat(evaluation.statements().get(1).args()).containsExactly("2026-01-31", "2026-01-01");
        assertThat(evaluation.statements().get(0).render(Language.FR))
                .isEqualTo("Au 16 mai 2026, l'acheteur peut encore déposer une réclamation\u00a0: c'est le dernier jour du délai.")
                .doesNotContain("0 jour");
        assertThat(evaluation.statements().get(0).render(Language.EN)).contains("the last day").doesNotContain("0 day");
    }

    @Test
    void theDayBeforeTheDeadlineSaysOneDayLeftInTheSingular() {
        ClaimEvaluation evaluation = ClaimPolicy.evaluate(order("2026-01-01", "2026-02-15").open(), date("2026-05-15"));

        assertThat(evaluation.statements().get(0).message()).isEqualTo(Message.WINDOW_OPEN);
        assertThat(evaluation.statements().get(0).render(Language.FR))
                .isEqualTo("Au 15 mai 2026, l'acheteur peut déposer une réclamation jusqu'au 16 mai 2026 inclus (encore 1 jour).");
        assertThat(evaluation.statements().get(0).render(Language.EN))
                .isEqualTo("As of May 15, 2026, the buyer can file a claim until May 16, 2026 inclusive (1 day left).");
    }

    @Test
    void afterTheDeadlineAClaimIsLateButMayStillBeAccepted() {
        ClaimEvaluation evaluation = ClaimPolicy.evaluate(order("2026-01-01", "2026-02-15").open(), date("2026-05-17"));

        assertThat(evaluation.phase()).isEqualTo(new ClaimPhase.Late(1));
        Statement late = evaluation.statements().get(0);
        assertThat(late.message()).isEqualTo(Message.WINDOW_LATE);
        assertThat(late.rule()).isEqualTo(Rule.R6);
        assertThat(late.args()).containsExactly("2026-05-17", "2026-05-16", "1");
        assertThat(late.render(Language.EN)).contains("Amazon reserves the right to accept claims filed after the deadline")
                .doesNotContainIgnoringCase("impossible");
        assertThat(late.render(Language.FR)).contains("Amazon se réserve le droit d'accepter des réclamations déposées après ce délai")
                .doesNotContainIgnoringCase("impossible");
    }

    @Test
    void aServiceCountsTheDeadlineFromTheServiceDate() {
        ClaimEvaluation evaluation = ClaimPolicy.evaluate(service("2026-04-01", "2026-04-10").open(), date("2026-07-09"));

        assertThat(evaluation.window().deadline()).isEqualTo(date("2026-07-09"));
        assertThat(evaluation.phase()).isEqualTo(new ClaimPhase.Open(0));
        assertThat(messages(evaluation)).contains(Message.DEADLINE_FROM_SERVICE).doesNotContain(Message.DEADLINE_FROM_DELIVERY);
        assertThat(evaluation.statements()).filteredOn(s -> s.message() == Message.DEADLINE_FROM_SERVICE)
                .singleElement().satisfies(s -> assertThat(s.args()).containsExactly("2026-04-10"));
    }

    @Test
    void aFullyRefundedOrderSaysSoCitingR3() {
        ClaimCase refunded = order("2026-03-01", "2026-03-10").open()
                .refund(RefundRequest.of("rf-1", "full", null, false, null, null), noonInParis("2026-03-14")).after();

        ClaimEvaluation evaluation = ClaimPolicy.evaluate(refunded, date("2026-03-14"));

        assertThat(evaluation.statements()).filteredOn(s -> s.message() == Message.FULLY_REFUNDED).singleElement()
                .satisfies(s -> {
                    assertThat(s.rule()).isEqualTo(Rule.R3);
                    assertThat(s.args()).containsExactly("100.00 EUR");
                });
        assertThat(evaluation.options()).extracting(ResolutionOption::kind).containsExactly(OptionKind.CONTACT_BUYER);
    }

    @Test
    void aPartialRefundIsNotReportedAsFull() {
        ClaimCase partial = order("2026-03-01", "2026-03-10").open()
                .refund(RefundRequest.of("rf-1", "99.99", null, false, null, null), noonInParis("2026-03-14")).after();

        assertThat(messages(ClaimPolicy.evaluate(partial, date("2026-03-14")))).doesNotContain(Message.FULLY_REFUNDED);
    }

    @Test
    void aCaseClosedAsDeliveredExplainsWhyInWordsAndOffersNothing() {
        ClaimCase closed = order("2026-03-01", "2026-03-10").open()
                .arrive(date("2026-03-09"), ArrivalSource.BUYER, noonInParis("2026-03-10")).after();

        ClaimEvaluation evaluation = ClaimPolicy.evaluate(closed, date("2026-03-20"));

        assertThat(messages(evaluation)).containsSubsequence(Message.RECEIPT_CONFIRMED_BY_BUYER, Message.CLOSED_DELIVERED,
                Message.FEEDBACK_STAYS_POSSIBLE);
        assertThat(evaluation.statements()).filteredOn(s -> s.message() == Message.CLOSED_DELIVERED).singleElement()
                .satisfies(s -> assertThat(s.args()).isEmpty());
        assertThat(evaluation.options()).isEmpty();
    }

    @Test
    void aFlaggedCaseRepeatsTheNextStep() {
        ClaimCase flagged = order("2026-03-01", "2026-03-10").open()
                .refund(RefundRequest.of("rf-1", "full", null, false, null, null), noonInParis("2026-03-14")).after()
                .arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-20")).after();

        ClaimEvaluation evaluation = ClaimPolicy.evaluate(flagged, date("2026-03-22"));

        assertThat(messages(evaluation)).contains(Message.ARRIVAL_ASK_CONSENT)
                .doesNotContain(Message.CLOSED_LATE_ARRIVAL_SETTLED, Message.CLOSED_LATE_ARRIVAL_UNSETTLED);
    }

    @Test
    void everyEvaluationEndsWithR2() {
        List<ClaimCase> cases = List.of(
                order("2026-03-01", "2026-03-10").open(),
                order("2026-03-01", "2026-03-10").fulfilment(Fulfilment.MARKETPLACE).open(),
                service("2026-04-01", "2026-04-10").open(),
                order("2026-03-01", "2026-03-10").open()
                        .arrive(date("2026-03-09"), ArrivalSource.CARRIER, noonInParis("2026-03-10")).after());
        for (ClaimCase claimCase : cases) {
            for (String asOf : List.of("2026-03-01", "2026-03-13", "2026-06-08", "2026-12-31")) {
                Statement r2 = last(ClaimPolicy.evaluate(claimCase, date(asOf)));
                assertThat(r2.rule()).isEqualTo(Rule.R2);
                assertThat(r2.message()).isEqualTo(Message.FEEDBACK_STAYS_POSSIBLE);
            }
        }
    }

    @Test
    void theExplanationHasARuleForEveryLineAndNoCodeInItsText() {
        ClaimCase claimCase = order("2026-03-01", "2026-03-10").shipment(CarrierStatus.LOST_IN_TRANSIT, false, true)
                .open()
                .refund(RefundRequest.of("rf-1", "full", null, true, null, null), noonInParis("2026-03-14")).after();
        ClaimEvaluation evaluation = ClaimPolicy.evaluate(claimCase, date("2026-03-14"));

        List<String> french = evaluation.explanation(Language.FR);
        List<String> english = evaluation.explanation(Language.EN);

        assertThat(french).hasSameSizeAs(evaluation.statements()).hasSameSizeAs(english);
        for (int i = 0; i < french.size(); i++) {
            assertThat(evaluation.statements().get(i).rule()).isNotNull();
            assertThat(french.get(i)).doesNotContain("[R");
            assertThat(english.get(i)).doesNotContain("[R");
            assertThat(french.get(i)).isNotEqualTo(english.get(i));
        }
        assertThat(evaluation.statements().get(english.size() - 1).rule()).isEqualTo(Rule.R2);

        List<Statement> everything = new ArrayList<>(evaluation.statements());
        evaluation.options().forEach(o -> everything.addAll(o.consequences()));
        claimCase.history().forEach(h -> everything.addAll(h.statements()));
        everything.forEach(Orders::assertWellFormed);
    }
}
