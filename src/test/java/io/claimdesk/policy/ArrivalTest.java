package io.claimdesk.policy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.at;
import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The original parcel turns up (R1, R3, R5, R6, R7), and what the seller records after a late arrival. */
class ArrivalTest {

    // window: opens 2026-03-13, deadline 2026-06-08
    private final ClaimCase open = order("2026-03-01", "2026-03-10").open();

    private static ClaimCase refunded(ClaimCase c, String id, String amount, boolean reorder, String on) {
        return c.refund(RefundRequest.of(id, amount, null, reorder, null, date(on)), noonInParis("2026-03-16")).after();
    }

    private static Refusal refusal(Runnable move) {
        return catchThrowableOfType(Refusal.class, move::run);
    }

    private static List<Message> messages(ArrivalDecision d) {
        return d.statements().stream().map(Statement::message).toList();
    }

    @Nested
    class BeforeAnyRefund {

        @Test
        void aCarrierScanIsEvidenceAndTheDisputeStaysOpen() {
            ClaimCase.ArrivalTransition t = open.arrive(date("2026-03-09"), ArrivalSource.CARRIER, noonInParis("2026-03-11"));

            assertThat(t.decision()).isEqualTo(new ArrivalDecision.DeliveryEvidence(date("2026-03-09"), ArrivalSource.CARRIER));
            assertThat(t.decision().code()).isEqualTo("DELIVERY_EVIDENCE");
            assertThat(t.after().status()).isEqualTo(CaseStatus.OPEN);
            assertThat(t.after().arrivals()).containsExactly(new Arrival(date("2026-03-09"), ArrivalSource.CARRIER, date("2026-03-11")));
            assertThat(t.entries()).singleElement().satisfies(e -> {
                assertThat(e.event()).isEqualTo("ARRIVAL_REPORTED");
                assertThat(e.rules()).containsExactly(Rule.R5);
            });
            assertThat(t.after().nextAttention()).as("the window still opens and closes")
                    .contains(new Attention(date("2026-03-13"), Attention.Kind.CLAIM_WINDOW_OPENS));
        }

        @Test
        void theBuyersWordClosesTheCaseAsDelivered() {
            ClaimCase.ArrivalTransition t = open.arrive(date("2026-03-09"), ArrivalSource.BUYER, noonInParis("2026-03-11"));

            assertThat(t.decision().code()).isEqualTo("RECEIPT_CONFIRMED");
            assertThat(messages(t.decision())).containsExactly(Message.RECEIPT_CONFIRMED_BY_BUYER);
            assertThat(t.after().status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(t.after().closeReason()).isEqualTo(CloseReason.DELIVERED);
            assertThat(t.after().closedOn()).isEqualTo(date("2026-03-11"));
            assertThat(t.after().nextAttention()).isEmpty();
        }

        @Test
        void theBuyerConfirmingAfterACarrierScanClosesTheCase() {
            ClaimCase scanned = open.arrive(date("2026-03-09"), ArrivalSource.CARRIER, noonInParis("2026-03-11")).after();

            ClaimCase.ArrivalTransition t = scanned.arrive(date("2026-03-12"), ArrivalSource.BUYER, noonInParis("2026-03-12"));

            assertThat(t.after().closeReason()).isEqualTo(CloseReason.DELIVERED);
            assertThat(t.after().deliveredOn()).as("the buyer's date").contains(date("2026-03-12"));
            assertThat(t.after().arrivals()).hasSize(2);
        }

        @Test
        void theSellersWordWhileTheWindowRunsIsEvidenceOnly() {
            ClaimCase.ArrivalTransition t = open.arrive(date("2026-03-09"), ArrivalSource.SELLER, noonInParis("2026-06-08"));

            assertThat(t.decision()).isEqualTo(new ArrivalDecision.DeliveryEvidence(date("2026-03-09"), ArrivalSource.SELLER));
            assertThat(messages(t.decision())).containsExactly(Message.EVIDENCE_SELLER_REPORT);
            assertThat(t.after().status()).isEqualTo(CaseStatus.OPEN);
        }

        @Test
        void theSellersWordAfterTheWindowClosesTheCaseAsDelivered() {
            ClaimCase.ArrivalTransition t = open.arrive(date("2026-03-09"), ArrivalSource.SELLER, noonInParis("2026-06-09"));

            assertThat(t.decision().code()).isEqualTo("RECEIPT_CONFIRMED");
            assertThat(messages(t.decision())).containsExactly(Message.RECEIPT_RECORDED_AFTER_WINDOW);
            assertThat(t.after().closeReason()).isEqualTo(CloseReason.DELIVERED);
        }
    }

    @Nested
    class AfterARefund {

        @Test
        void afterAPlainRefundAmazonMayChargeAgainWithConsent() {
            ClaimCase.ArrivalTransition t = refunded(open, "rf-1", "20.00", false, "2026-03-14")
                    .arrive(date("2026-03-20"), ArrivalSource.CARRIER, noonInParis("2026-03-21"));

            assertThat(t.decision().code()).isEqualTo("ASK_CONSENT_TO_CHARGE");
            assertThat(t.decision().statements()).singleElement().satisfies(s -> {
                assertThat(s.rule()).isEqualTo(Rule.R3);
                assertThat(s.message()).isEqualTo(Message.ARRIVAL_ASK_CONSENT);
                assertThat(s.args()).containsExactly("2026-03-20");
                assertThat(s.render(Language.FR)).contains("Amazon peut refacturer l'acheteur");
            });
            assertThat(t.after().status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
            assertThat(t.after().consentNeeded()).isTrue();
            assertThat(t.after().returnNeeded()).isFalse();
        }

        @Test
        void afterARefundWithReorderTheReturnIsArranged() {
            ClaimCase.ArrivalTransition t = refunded(open, "rf-1", "full", true, "2026-03-14")
                    .arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-21"));

            assertThat(t.decision().code()).isEqualTo("ARRANGE_RETURN");
            assertThat(messages(t.decision())).containsExactly(Message.ARRIVAL_ARRANGE_RETURN);
            assertThat(t.after().status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
        }

        @Test
        void mixedRefundsKeepBothPaths() {
            ClaimCase mixed = refunded(refunded(open, "rf-1", "20.00", false, "2026-03-14"), "rf-2", "full", true, "2026-03-15");

            ClaimCase.ArrivalTransition t = mixed.arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-21"));

            assertThat(t.decision().code()).isEqualTo("ASK_CONSENT_AND_ARRANGE_RETURN");
            assertThat(messages(t.decision())).containsExactly(Message.ARRIVAL_ASK_CONSENT, Message.ARRIVAL_ARRANGE_RETURN);
            assertThat(t.entries().get(0).rules()).containsExactly(Rule.R3, Rule.R7);
        }

        @Test
        void aRefundOnTheDeliveryDayCountsAsBeforeIt() {
            ClaimCase.ArrivalTransition t = refunded(open, "rf-1", "20.00", false, "2026-03-14")
                    .arrive(date("2026-03-14"), ArrivalSource.BUYER, noonInParis("2026-03-16"));

            assertThat(t.decision().code()).isEqualTo("ASK_CONSENT_TO_CHARGE");
            assertThat(messages(t.decision())).doesNotContain(Message.ARRIVAL_BEFORE_REFUND);
        }

        @Test
        void anArrivalDatedBeforeTheRefundIsNotALateArrivalAndSaysOnlyThat() {
            // refund on 05-20, parcel delivered on 05-18
            ClaimCase c = order("2026-05-01", "2026-05-18").open()
                    .refund(RefundRequest.of("rf-1", "20.00", null, false, null, date("2026-05-20")), noonInParis("2026-05-20")).after();

            ClaimCase.ArrivalTransition t = c.arrive(date("2026-05-18"), ArrivalSource.CARRIER, noonInParis("2026-05-21"));

            assertThat(t.decision().code()).isEqualTo("ARRIVED_BEFORE_REFUND");
            assertThat(t.decision().statements()).singleElement().satisfies(s -> {
                assertThat(s.message()).isEqualTo(Message.ARRIVAL_BEFORE_REFUND);
                assertThat(s.args()).containsExactly("2026-05-18", "2026-05-20");
            });
            assertThat(t.after().status()).isNotEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
            assertThat(t.after().arrivedAfterRefund()).isFalse();
        }

        @Test
        void aRefundAfterTheArrivalIsNotedBesideTheLateOne() {
            ClaimCase c = refunded(refunded(open, "rf-1", "20.00", false, "2026-03-14"), "rf-2", "10.00", false, "2026-03-16");

            ClaimCase.ArrivalTransition t = c.arrive(date("2026-03-15"), ArrivalSource.BUYER, noonInParis("2026-03-16"));

            assertThat(messages(t.decision())).containsExactly(Message.ARRIVAL_ASK_CONSENT, Message.ARRIVAL_BEFORE_REFUND);
        }
    }

    @Nested
    class Reports {

        @Test
        void anArrivalOnTheOrderDayIsAccepted() {
            assertThat(open.arrive(date("2026-03-01"), ArrivalSource.BUYER, noonInParis("2026-03-01")).after().status())
                    .isEqualTo(CaseStatus.CLOSED);
        }

        @Test
        void refusesAnArrivalBeforeTheOrderOrInTheFuture() {
            for (String day : List.of("2026-02-28", "2026-03-13")) {
                Refusal refusal = refusal(() -> open.arrive(date(day), ArrivalSource.CARRIER, noonInParis("2026-03-12")));
                assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
                assertThat(refusal.field()).isEqualTo("deliveredOn");
            }
        }

        @Test
        void todayIsCountedInTheMarketplaceZone() {
            // 23:30 UTC on 12 March is already 13 March in Paris
            assertThat(open.arrive(date("2026-03-13"), ArrivalSource.CARRIER, at("2026-03-12T23:30:00Z")).after()
                    .arrival(ArrivalSource.CARRIER).orElseThrow().recordedOn()).isEqualTo(date("2026-03-13"));
        }

        @Test
        void theSameReportAgainChangesNothing() {
            ClaimCase flagged = refunded(open, "rf-1", "20.00", false, "2026-03-14")
                    .arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-21")).after();

            ClaimCase.ArrivalTransition again = flagged.arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-25"));

            assertThat(again.replay()).isTrue();
            assertThat(again.entries()).isEmpty();
            assertThat(again.after()).isSameAs(flagged);
            assertThat(again.decision().code()).isEqualTo("ASK_CONSENT_TO_CHARGE");
        }

        @Test
        void anotherDateFromTheSameSourceIsAnInvalidTransition() {
            ClaimCase scanned = open.arrive(date("2026-03-09"), ArrivalSource.CARRIER, noonInParis("2026-03-11")).after();

            Refusal refusal = refusal(() -> scanned.arrive(date("2026-03-10"), ArrivalSource.CARRIER, noonInParis("2026-03-12")));

            assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
            assertThat(refusal.field()).isEqualTo("deliveredOn");
        }

        @Test
        void aCaseClosedAtTheDeadlineStillTakesAnArrival() {
            ClaimCase closed = open.attend(date("2026-06-09"), noonInParis("2026-06-09")).after();

            ClaimCase after = closed.arrive(date("2026-06-10"), ArrivalSource.BUYER, noonInParis("2026-06-10")).after();

            assertThat(after.closeReason()).isEqualTo(CloseReason.DELIVERED);
        }
    }

    @Nested
    class FollowUps {

        private final ClaimCase flagged = refunded(open, "rf-1", "20.00", false, "2026-03-14")
                .arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-21")).after();
        private final ClaimCase mixed = refunded(refunded(open, "rf-1", "20.00", false, "2026-03-14"), "rf-2", "full", true, "2026-03-15")
                .arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-21")).after();

        @Test
        void consentGivenSettlesAPlainRefundsLateArrival() {
            ClaimCase.Transition t = flagged.followUp(FollowUp.CONSENT_GIVEN, null, noonInParis("2026-03-24"));

            assertThat(t.after().status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(t.after().closeReason()).isEqualTo(CloseReason.LATE_ARRIVAL_SETTLED);
            assertThat(t.entries()).singleElement().satisfies(e -> {
                assertThat(e.event()).isEqualTo("CONSENT_GIVEN");
                assertThat(e.statements()).extracting(Statement::message).containsExactly(Message.CONSENT_GIVEN, Message.LATE_ARRIVAL_SETTLED);
                assertThat(e.statements().get(0).render(Language.EN)).contains("Amazon can charge them again");
            });
        }

        @Test
        void consentRefusedSettlesItToo() {
            ClaimCase after = flagged.followUp(FollowUp.CONSENT_REFUSED, null, noonInParis("2026-03-24")).after();

            assertThat(after.closeReason()).isEqualTo(CloseReason.LATE_ARRIVAL_SETTLED);
            assertThat(after.followUps().consent()).isEqualTo(FollowUp.CONSENT_REFUSED);
        }

        @Test
        void aMixedLateArrivalNeedsBothTheConsentAndTheReturn() {
            ClaimCase consented = mixed.followUp(FollowUp.CONSENT_GIVEN, null, noonInParis("2026-03-24")).after();
            assertThat(consented.status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);

            ClaimCase returned = consented.followUp(FollowUp.RETURN_RECEIVED, null, noonInParis("2026-03-30")).after();
            assertThat(returned.closeReason()).isEqualTo(CloseReason.LATE_ARRIVAL_SETTLED);
        }

        @Test
        void theSameFollowUpAgainChangesNothingAndAnotherAnswerIsRefused() {
            ClaimCase consented = flagged.followUp(FollowUp.CONSENT_GIVEN, null, noonInParis("2026-03-24")).after();

            assertThat(consented.followUp(FollowUp.CONSENT_GIVEN, null, noonInParis("2026-03-25")).changed()).isFalse();
            Refusal refusal = refusal(() -> consented.followUp(FollowUp.CONSENT_REFUSED, null, noonInParis("2026-03-25")));
            assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
        }

        @Test
        void thereIsNoConsentOrReturnWithoutALateArrival() {
            for (FollowUp kind : List.of(FollowUp.CONSENT_GIVEN, FollowUp.CONSENT_REFUSED, FollowUp.RETURN_RECEIVED)) {
                Refusal refusal = refusal(() -> open.followUp(kind, null, noonInParis("2026-03-24")));
                assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
                assertThat(refusal.field()).isEqualTo("followUp");
            }
            Refusal noReturn = refusal(() -> flagged.followUp(FollowUp.RETURN_RECEIVED, null, noonInParis("2026-03-24")));
            assertThat(noReturn.getMessage()).contains("R7");
        }

        @Test
        void theReplacementOrderIsRecordedOnceForARefundWithReorder() {
            ClaimCase reorder = refunded(open, "rf-1", "full", true, "2026-03-14");

            ClaimCase.Transition t = reorder.followUp(FollowUp.REPLACEMENT_ORDERED, "171-1111111-1111111", noonInParis("2026-03-16"));

            assertThat(t.after().followUps().replacementOrderId()).isEqualTo("171-1111111-1111111");
            assertThat(t.after().status()).isEqualTo(CaseStatus.OPEN);
            assertThat(t.entries().get(0).rules()).containsExactly(Rule.R7);
            assertThat(t.after().followUp(FollowUp.REPLACEMENT_ORDERED, "171-1111111-1111111", noonInParis("2026-03-17")).changed()).isFalse();
            assertThat(refusal(() -> t.after().followUp(FollowUp.REPLACEMENT_ORDERED, "171-2222222-2222222", noonInParis("2026-03-17")))
                    .field()).isEqualTo("replacementOrderId");
        }

        @Test
        void aReplacementOrderNeedsARefundWithReorderAnIdAndAnotherOrder() {
            assertThat(refusal(() -> open.followUp(FollowUp.REPLACEMENT_ORDERED, "171-1111111-1111111", noonInParis("2026-03-16")))
                    .getMessage()).contains("R7");
            ClaimCase reorder = refunded(open, "rf-1", "full", true, "2026-03-14");
            assertThat(refusal(() -> reorder.followUp(FollowUp.REPLACEMENT_ORDERED, null, noonInParis("2026-03-16"))).field())
                    .isEqualTo("replacementOrderId");
            assertThat(refusal(() -> reorder.followUp(FollowUp.REPLACEMENT_ORDERED, reorder.orderId(), noonInParis("2026-03-16"))).field())
                    .isEqualTo("replacementOrderId");
        }
    }
}
