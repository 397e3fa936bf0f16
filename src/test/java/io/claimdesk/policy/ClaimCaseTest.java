package io.claimdesk.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.at;
import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.eur;
import static io.claimdesk.policy.Orders.jpy;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The lifecycle of a case: open, refunds, arrival, corrected facts and the scheduled sweep. */
class ClaimCaseTest {

    // window of this order: opens 2026-03-13, deadline 2026-06-08 (see ClaimWindowTest)
    private final OrderFacts facts = order("2026-03-01", "2026-03-10").build();
    private final ClaimCase open = Orders.opened(facts);

    private static RefundRequest plain(String id, String amount) {
        return RefundRequest.of(id, amount, null, false, null, null);
    }

    private static Refusal refusal(Runnable move) {
        return catchThrowableOfType(Refusal.class, move::run);
    }

    private static ClaimCase refunded(ClaimCase claimCase) {
        return claimCase.refund(plain("rf-1", "20.00"), noonInParis("2026-03-14")).after();
    }

    private static ClaimCase flagged(ClaimCase claimCase) {
        return refunded(claimCase).arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-21")).after();
    }

    @Nested
    class Statuses {

        @Test
        void aNewCaseIsOpenWithNothingRefunded() {
            ClaimCase.Transition t = ClaimCase.open(facts, noonInParis("2026-03-12"));

            assertThat(t.changed()).isTrue();
            ClaimCase c = t.after();
            assertThat(c.orderId()).isEqualTo("171-0000000-0000001");
            assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(c.closeReason()).isNull();
            assertThat(c.closedOn()).isNull();
            assertThat(c.arrivals()).isEmpty();
            assertThat(c.claim()).isNull();
            assertThat(c.followUps()).isEqualTo(FollowUps.NONE);
            assertThat(c.noted()).isEmpty();
            assertThat(c.version()).isZero();
            assertThat(c.ledger()).isEqualTo(RefundLedger.empty(eur("100.00")));
            assertThat(c.window()).isEqualTo(new ClaimWindow(date("2026-03-13"), date("2026-06-08")));
            assertThat(c.history()).singleElement().satisfies(e -> {
                assertThat(e.event()).isEqualTo("CASE_OPENED");
                assertThat(e.rules()).containsExactly(Rule.R1);
                assertThat(e.at()).isEqualTo(noonInParis("2026-03-12").at());
                assertThat(e.by()).isEqualTo("test");
            });
            assertThat(t.entries()).containsExactly(c.history().get(0));
        }

        @Test
        void aStoredVersionChangesNothingElse() {
            ClaimCase stored = open.withVersion(7);

            assertThat(stored.version()).isEqualTo(7);
            assertThat(stored.withVersion(0)).isEqualTo(open);
        }
    }

    @Nested
    class Refunds {

        @Test
        void recordsARefundDatedTodayInTheMarketplaceZone() {
            // 23:30 UTC on 14 March is 15 March in Paris
            ClaimCase.RefundTransition t = open.refund(plain("rf-1", "20.00"), at("2026-03-14T23:30:00Z"));

            assertThat(t.replay()).isFalse();
            assertThat(t.refund().refundedOn()).isEqualTo(date("2026-03-15"));
            assertThat(t.after().ledger().remaining()).isEqualTo(eur("80.00"));
            assertThat(t.after().status()).isEqualTo(CaseStatus.OPEN);
            assertThat(t.entries()).singleElement().satisfies(e -> {
                assertThat(e.event()).isEqualTo("REFUND_RECORDED");
                assertThat(e.rules()).containsExactly(Rule.R3);
                assertThat(e.statements()).extracting(Statement::message).containsExactly(Message.REFUND_RECORDED);
                assertThat(e.statements().get(0).args()).containsExactly("rf-1", "20.00 EUR");
            });
            assertThat(t.after().history()).hasSize(2);
        }

        @Test
        void aRefundWithReorderCitesR3AndR7() {
            ClaimCase.RefundTransition t = open.refund(RefundRequest.of("rf-1", "full", null, true, null, null),
                    noonInParis("2026-03-14"));

            assertThat(t.refund().amount()).isEqualTo(eur("100.00"));
            assertThat(t.entries()).singleElement().satisfies(e -> {
                // R7 is the rule of "refund, then ask the buyer to order again"
                assertThat(e.rules()).containsExactly(Rule.R7);
                assertThat(e.statements()).singleElement().satisfies(s -> {
                    assertThat(s.rule()).isEqualTo(Rule.R7);
                    assertThat(s.message()).isEqualTo(Message.REFUND_AND_REORDER_RECORDED);
                });
            });
        }

        @Test
        void aRefundMayBeDatedInThePastButNotBeforeTheOrder() {
            ClaimCase.RefundTransition t = open.refund(
                    RefundRequest.of("rf-1", "5.00", null, false, null, date("2026-03-01")), noonInParis("2026-03-14"));
            assertThat(t.refund().refundedOn()).isEqualTo(date("2026-03-01"));

            Refusal refusal = refusal(() -> open.refund(
                    RefundRequest.of("rf-1", "5.00", null, false, null, date("2026-02-28")), noonInParis("2026-03-14")));
            assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
            assertThat(refusal.field()).isEqualTo("refundedOn");
        }

        @Test
        void refusesARefundDatedInTheFuture() {
            Refusal refusal = refusal(() -> open.refund(
                    RefundRequest.of("rf-1", "5.00", null, false, null, date("2026-03-15")), noonInParis("2026-03-14")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
            assertThat(refusal.field()).isEqualTo("refundedOn");
        }

        @Test
        void aReplayChangesNothingAndReturnsTheOriginal() {
            ClaimCase.RefundTransition first = open.refund(plain("rf-1", "20.00"), noonInParis("2026-03-14"));

            ClaimCase.RefundTransition again = first.after().refund(plain("rf-1", "20"), noonInParis("2026-03-16"));

            assertThat(again.replay()).isTrue();
            assertThat(again.entries()).isEmpty();
            assertThat(again.after()).isSameAs(first.after());
            assertThat(again.refund()).isEqualTo(first.refund());
        }

        @Test
        void aRefundAboveWhatIsLeftIsRefused() {
            Refusal refusal = refusal(() -> refunded(open).refund(plain("rf-2", "80.01"), noonInParis("2026-03-15")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.REFUND_EXCEEDS_REMAINING);
        }

        @Test
        void sameIdOtherContentIsAConflict() {
            Refusal refusal = refusal(() -> refunded(open).refund(plain("rf-1", "25.00"), noonInParis("2026-03-15")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.REFUND_ID_CONFLICT);
            assertThat(refusal.field()).isEqualTo("refundId");
        }

        @Test
        void aMarketplaceFulfilledOrderTakesNoSellerRefund() {
            ClaimCase fba = order("2026-03-01", "2026-03-10").fulfilment(Fulfilment.MARKETPLACE).open();

            Refusal refusal = refusal(() -> fba.refund(plain("rf-1", "20.00"), noonInParis("2026-03-14")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
            assertThat(refusal.getMessage()).contains("R4");
        }

        @Test
        void aRefundTheSellerMadeIsRecordedWhateverThePhase() {
            // before the window opens (03-13), on its last day (06-08), after the deadline
            for (String day : List.of("2026-03-12", "2026-06-08", "2026-07-01")) {
                ClaimCase.RefundTransition t = open.refund(plain("rf-1", "20.00"), noonInParis(day));
                assertThat(t.replay()).isFalse();
                assertThat(t.after().ledger().refunded()).isEqualTo(eur("20.00"));
            }
        }

        @Test
        void aClosedCaseStillTakesARefundAndStaysClosed() {
            ClaimCase closed = open.arrive(date("2026-03-11"), ArrivalSource.BUYER, noonInParis("2026-03-12")).after();

            ClaimCase after = closed.refund(plain("rf-1", "20.00"), noonInParis("2026-03-14")).after();

            assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(after.closeReason()).isEqualTo(CloseReason.DELIVERED);
            assertThat(after.ledger().refunded()).isEqualTo(eur("20.00"));
        }

        @Test
        void aFlaggedCaseTakesAnotherRefund() {
            ClaimCase after = flagged(open).refund(plain("rf-2", "10.00"), noonInParis("2026-03-22")).after();

            assertThat(after.ledger().refunded()).isEqualTo(eur("30.00"));
            assertThat(after.status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
        }

        @Test
        void aRefundDatedBeforeARecordedArrivalMakesItALateArrival() {
            ClaimCase delivered = open.arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-21")).after();

            ClaimCase.RefundTransition t = delivered.refund(
                    RefundRequest.of("rf-1", "20.00", null, false, null, date("2026-03-15")), noonInParis("2026-03-22"));

            assertThat(t.after().status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
            assertThat(t.entries().get(0).statements()).extracting(Statement::message)
                    .containsExactly(Message.REFUND_RECORDED, Message.ARRIVAL_ASK_CONSENT);
        }

        @Test
        void aReplayedRefundAfterTheCaseWasFlaggedIsStillAReplay() {
            ClaimCase flagged = flagged(open);

            ClaimCase.RefundTransition again = flagged.refund(plain("rf-1", "20.00"), noonInParis("2026-03-22"));

            assertThat(again.replay()).isTrue();
            assertThat(again.after()).isSameAs(flagged);
            assertThat(again.refund()).isEqualTo(flagged.ledger().find("rf-1").orElseThrow());
        }

        @Test
        void aCaseWithAFullHistoryTakesNoNewRefund() {
            List<HistoryEntry> full = new ArrayList<>();
            for (int i = 0; i < ClaimCase.MAX_HISTORY; i++) {
                full.add(open.history().get(0));
            }
            ClaimCase crowded = new ClaimCase(facts, CaseStatus.OPEN, null, null, open.ledger(), List.of(), FollowUps.NONE, null,
                    Set.of(), null, 3, full);

            Refusal refusal = refusal(() -> crowded.refund(plain("rf-1", "1.00"), noonInParis("2026-03-14")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
        }
    }

    @Nested
    class CorrectedFacts {

        private final OrderFacts lost = order("2026-03-01", "2026-03-10")
                .shipment(CarrierStatus.LOST_IN_TRANSIT, true, false).build();

        @Test
        void aCaseWithAFullHistoryTakesNoMoreCorrections() {
            List<HistoryEntry> full = new ArrayList<>();
            for (int i = 0; i < ClaimCase.MAX_HISTORY; i++) {
                full.add(open.history().get(0));
            }
            ClaimCase crowded = new ClaimCase(facts, CaseStatus.OPEN, null, null, open.ledger(), List.of(), FollowUps.NONE, null,
                    Set.of(), null, 3, full);

            Refusal refusal = refusal(() -> crowded.withFacts(lost, noonInParis("2026-03-14")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
            assertThat(crowded.withFacts(facts, noonInParis("2026-03-14")).changed()).as("the same facts still answer").isFalse();
        }

        @Test
        void sameFactsChangeNothingWhateverTheStatus() {
            ClaimCase closed = open.arrive(date("2026-03-11"), ArrivalSource.BUYER, noonInParis("2026-03-12")).after();

            ClaimCase.Transition t = closed.withFacts(facts, noonInParis("2026-03-13"));

            assertThat(t.changed()).isFalse();
            assertThat(t.after()).isSameAs(closed);
        }

        @Test
        void aNewCarrierStatusIsRecordedCitingR6() {
            ClaimCase.Transition t = open.withFacts(lost, noonInParis("2026-03-12"));

            assertThat(t.changed()).isTrue();
            assertThat(t.after().facts()).isEqualTo(lost);
            assertThat(t.after().status()).isEqualTo(CaseStatus.OPEN);
            assertThat(t.after().history()).hasSize(2).endsWith(t.entries().get(0));
            assertThat(t.entries().get(0).event()).isEqualTo("FACTS_UPDATED");
            assertThat(t.entries().get(0).rules()).containsExactly(Rule.R6);
        }

        @Test
        void aCorrectedDeliveryDateMovesTheWindow() {
            OrderFacts later = order("2026-03-01", "2026-03-20").build();

            ClaimCase moved = open.withFacts(later, noonInParis("2026-03-12")).after();

            // 2026-03-20 + 3 = 2026-03-23, before 2026-03-31; 90 days later is 2026-06-18
            assertThat(moved.window()).isEqualTo(new ClaimWindow(date("2026-03-23"), date("2026-06-18")));
        }

        @Test
        void invalidNewFactsAreRefused() {
            Refusal refusal = refusal(() -> open.withFacts(order("2026-03-10", "2026-03-01").build(), noonInParis("2026-03-12")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
            assertThat(refusal.field()).isEqualTo("maxDeliveryDate");
        }

        @Test
        void aClosedOrFlaggedCaseStillTakesCorrections() {
            ClaimCase closed = open.arrive(date("2026-03-11"), ArrivalSource.BUYER, noonInParis("2026-03-12")).after();

            for (ClaimCase c : List.of(closed, flagged(open))) {
                ClaimCase.Transition t = c.withFacts(lost, noonInParis("2026-03-22"));
                assertThat(t.changed()).isTrue();
                assertThat(t.after().status()).isEqualTo(c.status());
                assertThat(t.after().facts()).isEqualTo(lost);
            }
        }

        @Test
        void aCorrectedLaterDeadlineReopensACaseClosedByTheDeadline() {
            ClaimCase closed = open.attend(date("2026-06-09"), noonInParis("2026-06-09")).after();
            assertThat(closed.closeReason()).isEqualTo(CloseReason.CLAIM_DEADLINE_PASSED);

            ClaimCase reopened = closed.withFacts(order("2026-03-01", "2026-04-10").build(), noonInParis("2026-06-10")).after();

            // 2026-04-10 + 90 days = 2026-07-09: not passed yet
            assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(reopened.closedOn()).isNull();
            // the corrected window opened on 2026-03-31 (order + 30 days): noted once, then the new deadline is due
            ClaimCase swept = reopened.attend(date("2026-06-10"), noonInParis("2026-06-10")).after();
            assertThat(swept.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(swept.nextAttention()).contains(new Attention(date("2026-07-10"), Attention.Kind.CLAIM_DEADLINE_PASSED));
        }

        @Test
        void anOrderDateInTheFutureIsRefused() {
            Refusal refusal = refusal(() -> ClaimCase.open(order("2026-03-15", "2026-03-20").build(), noonInParis("2026-03-14")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
            assertThat(refusal.field()).isEqualTo("orderDate");
            assertThat(ClaimCase.open(order("2026-03-14", "2026-03-20").build(), noonInParis("2026-03-14")).changed())
                    .as("the order day itself is today, not the future").isTrue();
        }

        @Test
        void aCorrectedOrderDateMayNotFollowARecordedRefund() {
            Refusal refusal = refusal(() -> refunded(open).withFacts(order("2026-03-20", "2026-03-25").build(), noonInParis("2026-03-21")));

            assertThat(refusal.field()).isEqualTo("orderDate");
        }

        @Test
        void theTotalCanChangeUntilARefundIsRecorded() {
            OrderFacts dearer = order("2026-03-01", "2026-03-10").total(eur("120.00")).build();

            ClaimCase corrected = open.withFacts(dearer, noonInParis("2026-03-12")).after();
            assertThat(corrected.ledger().remaining()).isEqualTo(eur("120.00"));

            Refusal refusal = refusal(() -> refunded(open).withFacts(dearer, noonInParis("2026-03-15")));
            assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
            assertThat(refusal.field()).isEqualTo("orderTotal");
        }

        @Test
        void theFulfilmentCanChangeUntilARefundIsRecorded() {
            OrderFacts fba = order("2026-03-01", "2026-03-10").fulfilment(Fulfilment.MARKETPLACE).build();

            assertThat(open.withFacts(fba, noonInParis("2026-03-12")).after().facts().fulfilment())
                    .isEqualTo(Fulfilment.MARKETPLACE);

            Refusal refusal = refusal(() -> refunded(open).withFacts(fba, noonInParis("2026-03-15")));
            assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
            assertThat(refusal.field()).isEqualTo("fulfilment");
        }

        @Test
        void refundsSurviveOtherCorrections() {
            ClaimCase corrected = refunded(open).withFacts(lost, noonInParis("2026-03-15")).after();

            assertThat(corrected.ledger().refunded()).isEqualTo(eur("20.00"));
            assertThat(corrected.ledger().find("rf-1")).isPresent();
        }

        @Test
        void theMarketplaceNeverChanges() {
            OrderFacts japanese = order("2026-03-01", "2026-03-10").marketplace(Marketplace.JP).total(jpy("5000")).build();

            Refusal refusal = refusal(() -> open.withFacts(japanese, noonInParis("2026-03-12")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
            assertThat(refusal.field()).isEqualTo("marketplace");
        }

        @Test
        void theOrderIdNeverChanges() {
            OrderFacts another = order("2026-03-01", "2026-03-10").orderId("171-9999999-9999999").build();

            Refusal refusal = refusal(() -> open.withFacts(another, noonInParis("2026-03-12")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
            assertThat(refusal.field()).isEqualTo("orderId");
            assertThat(open.orderId()).isEqualTo("171-0000000-0000001");
        }
    }

    @Nested
    class Sweep {

        @Test
        void aNewCaseNeedsAttentionWhenTheWindowOpens() {
            assertThat(open.nextAttention())
                    .contains(new Attention(date("2026-03-13"), Attention.Kind.CLAIM_WINDOW_OPENS));
        }

        @Test
        void nothingIsDueTheDayBeforeOpening() {
            ClaimCase.Transition t = open.attend(date("2026-03-12"), noonInParis("2026-03-12"));

            assertThat(t.changed()).isFalse();
            assertThat(t.after()).isSameAs(open);
        }

        @Test
        void onTheOpeningDayTheSellerIsToldTheBuyerCanFile() {
            ClaimCase.Transition t = open.attend(date("2026-03-13"), noonInParis("2026-03-13"));

            assertThat(t.changed()).isTrue();
            assertThat(t.after().status()).isEqualTo(CaseStatus.OPEN);
            assertThat(t.after().noted()).containsExactly(new Attention(date("2026-03-13"), Attention.Kind.CLAIM_WINDOW_OPENS));
            HistoryEntry entry = t.entries().get(0);
            assertThat(entry.event()).isEqualTo("CLAIM_WINDOW_OPENED");
            assertThat(entry.rules()).containsExactly(Rule.R6);
            assertThat(entry.statements()).singleElement().satisfies(s -> {
                assertThat(s.message()).isEqualTo(Message.WINDOW_OPENED);
                assertThat(s.args()).containsExactly("2026-03-13");
            });
            // the next thing due is the day after the deadline
            assertThat(t.after().nextAttention())
                    .contains(new Attention(date("2026-06-09"), Attention.Kind.CLAIM_DEADLINE_PASSED));
        }

        @Test
        void attendingTwiceOnTheSameDayChangesNothing() {
            ClaimCase once = open.attend(date("2026-03-13"), noonInParis("2026-03-13")).after();

            ClaimCase.Transition twice = once.attend(date("2026-03-13"), noonInParis("2026-03-13"));

            assertThat(twice.changed()).isFalse();
            assertThat(twice.after()).isSameAs(once);
        }

        @Test
        void theDeadlineDayItselfDoesNotClose() {
            ClaimCase opened = open.attend(date("2026-03-13"), noonInParis("2026-03-13")).after();

            assertThat(opened.attend(date("2026-06-08"), noonInParis("2026-06-08")).changed()).isFalse();
        }

        @Test
        void theDayAfterTheDeadlineClosesAnUnrefundedCase() {
            ClaimCase opened = open.attend(date("2026-03-13"), noonInParis("2026-03-13")).after();

            ClaimCase.Transition t = opened.attend(date("2026-06-09"), noonInParis("2026-06-09"));

            assertThat(t.after().status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(t.after().closeReason()).isEqualTo(CloseReason.CLAIM_DEADLINE_PASSED);
            assertThat(t.after().closedOn()).isEqualTo(date("2026-06-09"));
            assertThat(t.entries().get(0).statements()).singleElement().satisfies(s -> {
                assertThat(s.rule()).isEqualTo(Rule.R6);
                assertThat(s.message()).isEqualTo(Message.DEADLINE_PASSED_CLOSED);
                assertThat(s.args()).containsExactly("2026-06-08");
                assertThat(s.render(Language.EN)).contains("Amazon reserves the right to accept claims filed after the deadline");
            });
            assertThat(t.after().nextAttention()).isEmpty();
        }

        @Test
        void aRefundedCaseClosesAsRefundedAfterTheDeadline() {
            ClaimCase opened = refunded(open).attend(date("2026-03-13"), noonInParis("2026-03-13")).after();

            ClaimCase.Transition t = opened.attend(date("2026-06-09"), noonInParis("2026-06-09"));

            assertThat(t.changed()).isTrue();
            assertThat(t.after().status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(t.after().closeReason()).isEqualTo(CloseReason.REFUNDED);
            assertThat(t.entries().get(0).statements()).extracting(Statement::message)
                    .containsExactly(Message.DEADLINE_PASSED_REFUNDED);
            assertThat(t.after().nextAttention()).isEmpty();
            assertThat(t.after().attend(date("2026-12-31"), noonInParis("2026-12-31")).changed()).isFalse();
        }

        @Test
        void aRefundAfterTheDeadlineClosureClosesTheCaseAsRefunded() {
            ClaimCase closed = open.attend(date("2026-06-09"), noonInParis("2026-06-09")).after();

            ClaimCase after = closed.refund(plain("rf-1", "20.00"), noonInParis("2026-06-20")).after();

            assertThat(after.closeReason()).isEqualTo(CloseReason.REFUNDED);
            assertThat(after.closedOn()).isEqualTo(date("2026-06-20"));
        }

        @Test
        void farInTheFutureEveryDueIsHandledInOrderOneEntryEach() {
            ClaimCase.Transition t = open.attend(date("2027-01-15"), noonInParis("2027-01-15"));

            assertThat(t.entries()).extracting(HistoryEntry::event).containsExactly("CLAIM_WINDOW_OPENED", "CLAIM_DEADLINE_PASSED");
            assertThat(t.entries()).flatExtracting(HistoryEntry::statements).extracting(Statement::message)
                    .containsExactly(Message.WINDOW_OPENED, Message.DEADLINE_PASSED_CLOSED);
            assertThat(t.after().status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(t.after().closeReason()).isEqualTo(CloseReason.CLAIM_DEADLINE_PASSED);
            assertThat(t.after().closedOn()).isEqualTo(date("2027-01-15"));
            assertThat(t.after().history()).hasSize(3);
            assertThat(t.after().attend(date("2027-01-15"), noonInParis("2027-01-15")).changed()).isFalse();
        }

        @Test
        void aFlaggedCaseIsFollowedUpAWeekAfterFlagging() {
            ClaimCase flagged = flagged(open);

            // flagged on 2026-03-21 (the arrival itself was on 2026-03-20)
            assertThat(flagged.nextAttention()).contains(new Attention(date("2026-03-28"), Attention.Kind.LATE_ARRIVAL_FOLLOW_UP));
            assertThat(flagged.attend(date("2026-03-27"), noonInParis("2026-03-27")).changed()).isFalse();

            ClaimCase.Transition t = flagged.attend(date("2026-03-28"), noonInParis("2026-03-28"));

            assertThat(t.after().status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
            assertThat(t.entries().get(0).rules()).containsExactly(Rule.R3);
            assertThat(t.entries().get(0).statements()).singleElement().satisfies(s -> {
                assertThat(s.message()).isEqualTo(Message.FOLLOW_UP_CONSENT);
                assertThat(s.args()).containsExactly("2026-03-20");
            });
            // 30 days after flagging, an unsettled late arrival closes, and says what can still be recorded
            assertThat(t.after().nextAttention()).contains(new Attention(date("2026-04-20"), Attention.Kind.LATE_ARRIVAL_EXPIRES));
            ClaimCase.Transition expired = t.after().attend(date("2026-04-20"), noonInParis("2026-04-20"));
            assertThat(expired.after().status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(expired.after().closeReason()).isEqualTo(CloseReason.LATE_ARRIVAL_UNSETTLED);
            assertThat(expired.entries()).singleElement().satisfies(e -> {
                assertThat(e.event()).isEqualTo("LATE_ARRIVAL_EXPIRED");
                assertThat(e.statements()).extracting(Statement::message).containsExactly(Message.EXPIRED_CONSENT);
            });
            assertThat(expired.after().nextAttention()).isEmpty();
            // and the consent recorded later still settles it
            ClaimCase settled = expired.after().followUp(FollowUp.CONSENT_GIVEN, null, noonInParis("2026-05-02")).after();
            assertThat(settled.closeReason()).isEqualTo(CloseReason.LATE_ARRIVAL_SETTLED);
        }

        @Test
        void aFlaggedReorderIsFollowedUpAboutTheReturn() {
            ClaimCase flagged = open.refund(RefundRequest.of("rf-1", "full", null, true, null, null), noonInParis("2026-03-14"))
                    .after().arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-20")).after();

            ClaimCase.Transition t = flagged.attend(date("2026-03-27"), noonInParis("2026-03-27"));

            assertThat(t.entries().get(0).rules()).containsExactly(Rule.R7);
            assertThat(t.entries().get(0).statements()).extracting(Statement::message)
                    .containsExactly(Message.FOLLOW_UP_RETURN);
        }

        @Test
        void aClosedCaseNeedsNoAttention() {
            ClaimCase closed = open.arrive(date("2026-03-11"), ArrivalSource.BUYER, noonInParis("2026-03-12")).after();

            assertThat(closed.nextAttention()).isEmpty();
            assertThat(closed.attend(date("2027-01-01"), noonInParis("2027-01-01")).changed()).isFalse();
        }

        @Test
        void attentionsComeFromTheCurrentWindow() {
            Optional<Attention> next = open.withFacts(order("2026-03-01", "2026-03-20").build(), noonInParis("2026-03-12"))
                    .after().nextAttention();

            assertThat(next).contains(new Attention(date("2026-03-23"), Attention.Kind.CLAIM_WINDOW_OPENS));
        }
    }
}
