package io.claimdesk.policy;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.eur;
import static io.claimdesk.policy.Orders.jpy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** R3/R7: full or partial refunds, at the currency's scale, never above the order total, idempotent by id. */
class RefundLedgerTest {

    private static final LocalDate ON = date("2026-03-15");

    private static RefundRequest request(String id, String amount) {
        return RefundRequest.of(id, amount, null, false, null, null);
    }

    private static RefundLedger.Outcome apply(RefundLedger ledger, String id, String amount) {
        return ledger.apply(request(id, amount), ON);
    }

    private static RefundLedger record(RefundLedger ledger, String id, String amount) {
        return apply(ledger, id, amount).ledger();
    }

    private static Refusal refusal(RefundLedger ledger, RefundRequest request) {
        return catchThrowableOfType(Refusal.class, () -> ledger.apply(request, ON));
    }

    private final RefundLedger hundredEuros = RefundLedger.empty(eur("100.00"));

    @Nested
    class Amounts {

        @Test
        void anEmptyLedgerHasRefundedNothing() {
            assertThat(hundredEuros.refunded()).isEqualTo(eur("0.00"));
            assertThat(hundredEuros.remaining()).isEqualTo(eur("100.00"));
            assertThat(hundredEuros.standing()).isEqualTo(RefundStanding.NONE);
            assertThat(hundredEuros.reorderRequested()).isFalse();
        }

        @Test
        void aPartialRefundLeavesTheRest() {
            RefundLedger.Outcome outcome = apply(hundredEuros, "rf-1", "20.00");

            assertThat(outcome).isInstanceOf(RefundLedger.Outcome.Recorded.class);
            assertThat(outcome.refund()).isEqualTo(new Refund("rf-1", eur("20.00"), false, false, null, ON));
            assertThat(outcome.ledger().refunded()).isEqualTo(eur("20.00"));
            assertThat(outcome.ledger().remaining()).isEqualTo(eur("80.00"));
            assertThat(outcome.ledger().standing()).isEqualTo(RefundStanding.PARTIAL);
        }

        @Test
        void tenAndAHalfIsTenFifty() {
            RefundLedger.Outcome outcome = apply(hundredEuros, "rf-1", "10.5");

            assertThat(outcome.refund().amount()).isEqualTo(eur("10.50"));
            // the same id written the other way is the same refund
            assertThat(outcome.ledger().apply(request("rf-1", "10.50"), ON))
                    .isInstanceOf(RefundLedger.Outcome.Replayed.class);
        }

        @Test
        void refusesThreeDecimalsInEuros() {
            Refusal refusal = refusal(hundredEuros, request("rf-1", "10.005"));

            assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
            assertThat(refusal.field()).isEqualTo("amount");
        }

        @Test
        void refusesDecimalsInYen() {
            RefundLedger yen = RefundLedger.empty(jpy("5000"));

            Refusal refusal = refusal(yen, RefundRequest.of("rf-1", "1.5", "JPY", false, null, null));

            assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
            assertThat(refusal.field()).isEqualTo("amount");
            assertThat(record(yen, "rf-1", "1500").remaining()).isEqualTo(jpy("3500"));
        }

        @Test
        void refusesZeroAndNegativeAmounts() {
            for (String amount : new String[] {"0", "0.00", "-5.00"}) {
                Refusal refusal = refusal(hundredEuros, request("rf-1", amount));
                assertThat(refusal.code()).as(amount).isEqualTo(RefusalCode.VALIDATION_FAILED);
                assertThat(refusal.field()).as(amount).isEqualTo("amount");
            }
        }

        @Test
        void refusesWhatIsNeitherANumberNorFull() {
            for (String amount : new String[] {null, "", "  ", "twenty", "all"}) {
                Refusal refusal = catchThrowableOfType(Refusal.class, () -> request("rf-1", amount));
                assertThat(refusal.code()).as("'%s'", amount).isEqualTo(RefusalCode.VALIDATION_FAILED);
                assertThat(refusal.field()).as("'%s'", amount).isEqualTo("amount");
            }
        }

        @Test
        void fullRefundsWhatIsLeft() {
            RefundLedger afterThirty = record(hundredEuros, "rf-1", "30.00");

            RefundLedger.Outcome outcome = apply(afterThirty, "rf-2", "full");

            assertThat(outcome.refund().amount()).isEqualTo(eur("70.00"));
            assertThat(outcome.refund().requestedFull()).isTrue();
            assertThat(outcome.ledger().refunded()).isEqualTo(eur("100.00"));
            assertThat(outcome.ledger().remaining().isZero()).isTrue();
            assertThat(outcome.ledger().standing()).isEqualTo(RefundStanding.FULL);
        }

        @Test
        void fullIsRecognisedInAnyCase() {
            assertThat(apply(hundredEuros, "rf-1", " FULL ").refund().amount()).isEqualTo(eur("100.00"));
        }

        @Test
        void fullOnAFullyRefundedOrderIsRefused() {
            RefundLedger refunded = record(hundredEuros, "rf-1", "full");

            Refusal refusal = refusal(refunded, request("rf-2", "full"));

            assertThat(refusal.code()).isEqualTo(RefusalCode.REFUND_EXCEEDS_REMAINING);
            assertThat(refusal.field()).isEqualTo("amount");
        }

        @Test
        void theWholeRemainderCanBeRefundedButNotACentMore() {
            RefundLedger afterSixty = record(hundredEuros, "rf-1", "60.00");

            Refusal refusal = refusal(afterSixty, request("rf-2", "40.01"));

            assertThat(refusal.code()).isEqualTo(RefusalCode.REFUND_EXCEEDS_REMAINING);
            assertThat(refusal.field()).isEqualTo("amount");
            assertThat(afterSixty.refunds()).hasSize(1);
            assertThat(record(afterSixty, "rf-2", "40.00").standing()).isEqualTo(RefundStanding.FULL);
        }

        @Test
        void aSingleRefundAboveTheTotalIsRefused() {
            assertThat(refusal(hundredEuros, request("rf-1", "100.01")).code())
                    .isEqualTo(RefusalCode.REFUND_EXCEEDS_REMAINING);
        }

        @Test
        void refusesARefundInAnotherCurrency() {
            Refusal refusal = refusal(hundredEuros, RefundRequest.of("rf-1", "10.00", "USD", false, null, null));

            assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
            assertThat(refusal.field()).isEqualTo("currency");
            assertThat(hundredEuros.apply(RefundRequest.of("rf-1", "10.00", "EUR", false, null, null), ON).refund().amount())
                    .isEqualTo(eur("10.00"));
        }

        @Test
        void holdsAtMostMaxRefunds() {
            RefundLedger ledger = hundredEuros;
            for (int i = 1; i <= RefundLedger.MAX_REFUNDS; i++) {
                ledger = record(ledger, "rf-" + i, "0.01");
            }
            assertThat(ledger.refunds()).hasSize(RefundLedger.MAX_REFUNDS);

            Refusal refusal = refusal(ledger, request("rf-next", "0.01"));

            assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
            assertThat(refusal.field()).isEqualTo("refundId");
            // the limit does not stop replays
            assertThat(ledger.apply(request("rf-1", "0.01"), ON)).isInstanceOf(RefundLedger.Outcome.Replayed.class);
        }

        @Test
        void reorderRequestedWhenAnyRefundAskedForIt() {
            RefundLedger ledger = record(hundredEuros, "rf-1", "10.00");
            ledger = ledger.apply(RefundRequest.of("rf-2", "10.00", null, true, null, null), ON).ledger();

            assertThat(ledger.reorderRequested()).isTrue();
        }
    }

    @Nested
    class Idempotency {

        private final RefundRequest original = RefundRequest.of("rf-1", "25.00", "EUR", true, "lost parcel", null);
        private final RefundLedger.Outcome first = hundredEuros.apply(original, ON);

        @Test
        void sameIdSameContentIsAReplayReturningTheOriginal() {
            RefundLedger.Outcome again = first.ledger().apply(original, ON);

            assertThat(again).isInstanceOf(RefundLedger.Outcome.Replayed.class);
            assertThat(again.refund()).isEqualTo(first.refund());
            assertThat(again.ledger()).isEqualTo(first.ledger());
        }

        @Test
        void aReplayOnALaterDayIsStillTheSameRefund() {
            RefundRequest retried = RefundRequest.of("rf-1", "25", null, true, "lost parcel", null);

            RefundLedger.Outcome again = first.ledger().apply(retried, ON.plusDays(1));

            assertThat(again).isInstanceOf(RefundLedger.Outcome.Replayed.class);
            assertThat(again.refund().refundedOn()).isEqualTo(ON);
            assertThat(again.ledger().refunded()).isEqualTo(eur("25.00"));
        }

        @Test
        void aReplayOfFullAfterTheOrderIsFullyRefundedIsStillAReplay() {
            RefundLedger.Outcome full = hundredEuros.apply(request("rf-full", "full"), ON);

            RefundLedger.Outcome again = full.ledger().apply(request("rf-full", "full"), ON);

            assertThat(again).isInstanceOf(RefundLedger.Outcome.Replayed.class);
            assertThat(again.refund().amount()).isEqualTo(eur("100.00"));
        }

        @Test
        void sameIdWithAnotherAmountIsAConflict() {
            assertConflict(RefundRequest.of("rf-1", "25.01", "EUR", true, "lost parcel", null));
        }

        @Test
        void sameIdWithoutTheReorderIsAConflict() {
            assertConflict(RefundRequest.of("rf-1", "25.00", "EUR", false, "lost parcel", null));
        }

        @Test
        void sameIdWithAnotherReasonIsAConflict() {
            assertConflict(RefundRequest.of("rf-1", "25.00", "EUR", true, "damaged", null));
        }

        @Test
        void sameIdAskingForFullIsAConflict() {
            assertConflict(RefundRequest.of("rf-1", "full", "EUR", true, "lost parcel", null));
        }

        private void assertConflict(RefundRequest other) {
            Refusal refusal = catchThrowableOfType(Refusal.class, () -> first.ledger().apply(other, ON));

            assertThat(refusal.code()).isEqualTo(RefusalCode.REFUND_ID_CONFLICT);
            assertThat(refusal.field()).isEqualTo("refundId");
            assertThat(first.ledger().refunds()).containsExactly(first.refund());
        }
    }
}
