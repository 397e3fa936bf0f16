package io.claimdesk.policy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

/** The dates of a case, in date order, each with its rules. */
class TimelineTest {

    @Test
    void aNewCaseHasItsOrderDeliveryAndWindowDates() {
        ClaimCase c = Orders.opened(order("2026-03-01", "2026-03-10").build());

        assertThat(Timeline.of(c)).extracting(Timeline.Entry::on, Timeline.Entry::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(date("2026-03-01"), Timeline.Kind.ORDERED),
                org.assertj.core.groups.Tuple.tuple(date("2026-03-10"), Timeline.Kind.MAX_DELIVERY),
                org.assertj.core.groups.Tuple.tuple(date("2026-03-13"), Timeline.Kind.CLAIM_WINDOW_OPENS),
                org.assertj.core.groups.Tuple.tuple(date("2026-06-08"), Timeline.Kind.CLAIM_DEADLINE));
        assertThat(Timeline.of(c)).allSatisfy(e -> assertThat(e.rules()).containsExactly(Rule.R6));
    }

    @Test
    void aServiceHasItsServiceDateInstead() {
        ClaimCase c = Orders.opened(Orders.service("2026-03-01", "2026-03-05").build());

        assertThat(Timeline.of(c)).extracting(Timeline.Entry::kind).contains(Timeline.Kind.SERVICE)
                .doesNotContain(Timeline.Kind.MAX_DELIVERY);
    }

    @Test
    void refundsArrivalsAndTheClaimComeInDateOrderWithTheirRules() {
        ClaimCase c = Orders.opened(order("2026-03-01", "2026-03-10").build());
        c = c.refund(RefundRequest.of("rf-2", "10.00", null, true, null, date("2026-03-15")), noonInParis("2026-03-16")).after();
        c = c.refund(RefundRequest.of("rf-1", "20.00", null, false, null, date("2026-03-12")), noonInParis("2026-03-16")).after();
        c = c.arrive(date("2026-03-20"), ArrivalSource.CARRIER, noonInParis("2026-03-21")).after();
        c = c.claim(new ClaimCase.ClaimReport(date("2026-03-22"), "AZ-1", ClaimOutcome.DENIED, date("2026-03-25")),
                noonInParis("2026-03-26")).after();

        List<Timeline.Entry> timeline = Timeline.of(c);
        assertThat(timeline).extracting(Timeline.Entry::kind).containsExactly(Timeline.Kind.ORDERED, Timeline.Kind.MAX_DELIVERY,
                Timeline.Kind.REFUND, Timeline.Kind.CLAIM_WINDOW_OPENS, Timeline.Kind.REFUND_AND_REORDER, Timeline.Kind.ARRIVAL,
                Timeline.Kind.CLAIM_FILED, Timeline.Kind.CLAIM_DENIED, Timeline.Kind.CLAIM_DEADLINE);
        assertThat(timeline).isSortedAccordingTo(java.util.Comparator.comparing(Timeline.Entry::on));
        Timeline.Entry refund = timeline.get(2);
        assertThat(refund.refundId()).isEqualTo("rf-1");
        assertThat(refund.amount().amount()).isEqualByComparingTo("20.00");
        assertThat(refund.rules()).containsExactly(Rule.R3);
        assertThat(timeline.get(4).rules()).containsExactly(Rule.R7);
        Timeline.Entry arrival = timeline.get(5);
        assertThat(arrival.source()).isEqualTo(ArrivalSource.CARRIER);
        assertThat(arrival.rules()).as("after both refunds: a late arrival").containsExactly(Rule.R3, Rule.R7);
        assertThat(timeline.get(6).reference()).isEqualTo("AZ-1");
        assertThat(timeline.get(7).on()).isEqualTo(date("2026-03-25"));
    }

    @Test
    void aGrantOrAWithdrawalIsDatedWhenItWasDecided() {
        ClaimCase open = Orders.opened(order("2026-03-01", "2026-03-10").build());
        for (ClaimOutcome outcome : List.of(ClaimOutcome.GRANTED, ClaimOutcome.WITHDRAWN)) {
            ClaimCase c = open.claim(new ClaimCase.ClaimReport(date("2026-03-22"), null, outcome, date("2026-03-24")),
                    noonInParis("2026-03-26")).after();
            assertThat(Timeline.of(c)).filteredOn(e -> e.on().equals(date("2026-03-24"))).singleElement()
                    .satisfies(e -> assertThat(e.kind().name()).isEqualTo("CLAIM_" + outcome.name()));
        }
    }

    @Test
    void anArrivalBeforeAnyRefundRestsOnR5() {
        ClaimCase c = Orders.opened(order("2026-03-01", "2026-03-10").build())
                .arrive(date("2026-03-09"), ArrivalSource.CARRIER, noonInParis("2026-03-11")).after();

        assertThat(Timeline.of(c)).filteredOn(e -> e.kind() == Timeline.Kind.ARRIVAL).singleElement()
                .satisfies(e -> assertThat(e.rules()).containsExactly(Rule.R5));
    }
}
