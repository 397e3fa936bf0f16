package io.claimdesk.policy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.at;
import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** R3/R7: the original parcel turns up; what the seller does next depends on the refunds recorded. */
class LateArrivalTest {

    // window: opens 2026-03-13, deadline 2026-06-08
    private final ClaimCase open = order("2026-03-01", "2026-03-10").open();

    private static ClaimCase refunded(ClaimCase claimCase, String id, String amount, boolean reorder, String on) {
        return claimCase.refund(RefundRequest.of(id, amount, null, reorder, null, date(on)), noonInParis("2026-03-16"))
                .after();
    }

    @Test
    void afterAPlainRefundAsksConsentToChargeAgain() {
        ClaimCase refunded = refunded(open, "rf-1", "20.00", false, "2026-03-14");

        ClaimCase.ArrivalTransition t = refunded.arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-21"));

        assertThat(t.replay()).isFalse();
        assertThat(t.decision()).isEqualTo(new LateArrival.AskConsentToCharge(date("2026-03-20"), Optional.empty()));
        assertThat(t.decision().rule()).isEqualTo(Rule.R3);
        assertThat(t.after().status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
        assertThat(t.after().closeReason()).isNull();
        assertThat(t.after().arrival()).isEqualTo(new Arrival(date("2026-03-20"), ArrivalSource.BUYER, date("2026-03-21")));
        assertThat(t.entry()).hasValueSatisfying(e -> {
            assertThat(e.event()).isEqualTo("LATE_ARRIVAL_FLAGGED");
            assertThat(e.rules()).containsExactly(Rule.R3);
            assertThat(e.statements()).extracting(Statement::message).containsExactly(Message.ARRIVAL_ASK_CONSENT);
            assertThat(e.statements().get(0).args()).containsExactly("2026-03-20");
        });
        assertThat(t.after().history()).hasSize(refunded.history().size() + 1).endsWith(t.entry().get());
    }

    @Test
    void afterARefundWithReorderArrangesTheReturn() {
        ClaimCase refunded = refunded(open, "rf-1", "full", true, "2026-03-14");

        ClaimCase.ArrivalTransition t = refunded.arrive(date("2026-03-20"), ArrivalSource.CARRIER, noonInParis("2026-03-20"));

        assertThat(t.decision()).isEqualTo(new LateArrival.ArrangeReturn(date("2026-03-20"), Optional.empty()));
        assertThat(t.decision().rule()).isEqualTo(Rule.R7);
        assertThat(t.decision().statements()).extracting(Statement::message).containsExactly(Message.ARRIVAL_ARRANGE_RETURN);
        assertThat(t.after().status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
        assertThat(t.entry()).hasValueSatisfying(e -> assertThat(e.rules()).containsExactly(Rule.R7));
    }

    @Test
    void aReorderOnAnyRefundMeansTheOriginalGoesBack() {
        ClaimCase twice = refunded(refunded(open, "rf-1", "10.00", false, "2026-03-14"), "rf-2", "10.00", true, "2026-03-15");

        assertThat(twice.arrive(date("2026-03-20"), ArrivalSource.SELLER, noonInParis("2026-03-20")).decision())
                .isInstanceOf(LateArrival.ArrangeReturn.class);
    }

    @Test
    void withoutARefundTheCaseClosesAsDelivered() {
        ClaimCase.ArrivalTransition t = open.arrive(date("2026-03-11"), ArrivalSource.CARRIER, noonInParis("2026-03-12"));

        assertThat(t.decision()).isEqualTo(new LateArrival.ClosedAsDelivered(date("2026-03-11")));
        assertThat(t.decision().rule()).isEqualTo(Rule.R1);
        assertThat(t.after().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(t.after().closeReason()).isEqualTo(CloseReason.DELIVERED);
        assertThat(t.after().closedOn()).isEqualTo(date("2026-03-12"));
        assertThat(t.entry()).hasValueSatisfying(e -> {
            assertThat(e.event()).isEqualTo("CLOSED_AS_DELIVERED");
            assertThat(e.rules()).containsExactly(Rule.R1);
            assertThat(e.statements()).extracting(Statement::message).containsExactly(Message.ARRIVAL_CLOSES_CASE);
        });
    }

    @Test
    void anArrivalOnTheOrderDayIsAccepted() {
        assertThat(open.arrive(date("2026-03-01"), ArrivalSource.CARRIER, noonInParis("2026-03-01")).after().status())
                .isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void refusesAnArrivalBeforeTheOrderDate() {
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> open.arrive(date("2026-02-28"), ArrivalSource.CARRIER, noonInParis("2026-03-12")));

        assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
        assertThat(refusal.field()).isEqualTo("deliveredOn");
    }

    @Test
    void refusesAnArrivalInTheFuture() {
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> open.arrive(date("2026-03-13"), ArrivalSource.CARRIER, noonInParis("2026-03-12")));

        assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
        assertThat(refusal.field()).isEqualTo("deliveredOn");
    }

    @Test
    void todayIsCountedInTheMarketplaceZone() {
        // 23:30 UTC on 12 March is already 13 March in Paris
        assertThat(open.arrive(date("2026-03-13"), ArrivalSource.CARRIER, at("2026-03-12T23:30:00Z")).after().arrival()
                .recordedOn()).isEqualTo(date("2026-03-13"));
    }

    @Test
    void anArrivalBeforeARefundSaysTheRefundWentOutForADeliveredParcel() {
        // recorded out of date order: the first refund after the arrival is the one dated 14 March
        ClaimCase twice = refunded(refunded(open, "rf-1", "10.00", false, "2026-03-16"), "rf-2", "10.00", false, "2026-03-14");
        Refund first = twice.ledger().find("rf-2").orElseThrow();

        ClaimCase.ArrivalTransition t = twice.arrive(date("2026-03-12"), ArrivalSource.BUYER, noonInParis("2026-03-17"));

        assertThat(t.decision()).isEqualTo(new LateArrival.AskConsentToCharge(date("2026-03-12"), Optional.of(first)));
        assertThat(t.decision().statements()).extracting(Statement::message)
                .containsExactly(Message.ARRIVAL_ASK_CONSENT, Message.ARRIVAL_BEFORE_REFUND);
        Statement note = t.decision().statements().get(1);
        assertThat(note.rule()).isEqualTo(Rule.R3);
        assertThat(note.args()).containsExactly("2026-03-12", "2026-03-14");
        assertThat(t.entry().orElseThrow().statements()).isEqualTo(t.decision().statements());
    }

    @Test
    void anArrivalBeforeARefundWithReorderCarriesTheRefundToo() {
        ClaimCase refunded = refunded(open, "rf-1", "full", true, "2026-03-15");

        LateArrival decision = refunded.arrive(date("2026-03-13"), ArrivalSource.BUYER, noonInParis("2026-03-16")).decision();

        assertThat(decision).isEqualTo(new LateArrival.ArrangeReturn(date("2026-03-13"),
                refunded.ledger().find("rf-1")));
        assertThat(decision.statements()).extracting(Statement::message)
                .containsExactly(Message.ARRIVAL_ARRANGE_RETURN, Message.ARRIVAL_BEFORE_REFUND);
    }

    @Test
    void anArrivalOnTheRefundDayIsNotSaidToPrecedeIt() {
        ClaimCase refunded = refunded(open, "rf-1", "10.00", false, "2026-03-14");

        LateArrival decision = refunded.arrive(date("2026-03-14"), ArrivalSource.BUYER, noonInParis("2026-03-16")).decision();

        assertThat(decision.statements()).extracting(Statement::message).containsExactly(Message.ARRIVAL_ASK_CONSENT);
    }

    @Test
    void replayingTheSameArrivalChangesNothing() {
        ClaimCase flagged = refunded(open, "rf-1", "20.00", false, "2026-03-14")
                .arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-21")).after();

        ClaimCase.ArrivalTransition again = flagged.arrive(date("2026-03-20"), ArrivalSource.CARRIER, noonInParis("2026-03-25"));

        assertThat(again.replay()).isTrue();
        assertThat(again.entry()).isEmpty();
        assertThat(again.after()).isSameAs(flagged);
        assertThat(again.decision()).isInstanceOf(LateArrival.AskConsentToCharge.class);
        assertThat(again.decision().deliveredOn()).isEqualTo(date("2026-03-20"));
    }

    @Test
    void replayingADeliveryThatClosedTheCaseChangesNothing() {
        ClaimCase closed = open.arrive(date("2026-03-11"), ArrivalSource.CARRIER, noonInParis("2026-03-12")).after();

        ClaimCase.ArrivalTransition again = closed.arrive(date("2026-03-11"), ArrivalSource.CARRIER, noonInParis("2026-03-13"));

        assertThat(again.replay()).isTrue();
        assertThat(again.after()).isSameAs(closed);
        assertThat(again.decision()).isEqualTo(new LateArrival.ClosedAsDelivered(date("2026-03-11")));
    }

    @Test
    void anotherArrivalDateIsAnInvalidTransition() {
        ClaimCase closed = open.arrive(date("2026-03-11"), ArrivalSource.CARRIER, noonInParis("2026-03-12")).after();

        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> closed.arrive(date("2026-03-12"), ArrivalSource.CARRIER, noonInParis("2026-03-13")));

        assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
        assertThat(refusal.field()).isEqualTo("deliveredOn");
    }

    @Test
    void aCaseClosedAtTheDeadlineTakesNoArrival() {
        ClaimCase closed = open.attend(date("2026-06-09"), noonInParis("2026-06-09")).after();
        assertThat(closed.closeReason()).isEqualTo(CloseReason.CLAIM_DEADLINE_PASSED);

        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> closed.arrive(date("2026-06-09"), ArrivalSource.CARRIER, noonInParis("2026-06-10")));

        assertThat(refusal.code()).isEqualTo(RefusalCode.INVALID_TRANSITION);
        assertThat(refusal.getMessage()).contains("CLAIM_DEADLINE_PASSED");
    }
}
