package io.claimdesk.policy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Amazon's notifications change in a case: an order change (ORDER_CHANGE) and a tracking milestone. */
class OrderChangeTest {

    // ordered 2026-03-01, max delivery 2026-03-10: window 2026-03-13..2026-06-08
    private final ClaimCase opened = order("2026-03-01", "2026-03-10").open();

    private static OrderChange change(String at, OrderChange.Status status, String latestDelivery) {
        return new OrderChange(Instant.parse(at), Marketplace.FR, status, latestDelivery == null ? null : Instant.parse(latestDelivery),
                Fulfilment.SELLER, false);
    }

    private static List<String> events(ClaimCase.Transition t) {
        return t.entries().stream().map(HistoryEntry::event).toList();
    }

    @Nested
    class AnOrderChange {

        @Test
        void aLaterLatestDeliveryDateMovesTheClaimWindowAsAnEvaluationWould() {
            // 2026-03-17T22:59:59Z is 23:59:59 on 17 March in Paris.
            ClaimCase.Transition t = opened.orderChanged(change("2026-03-05T10:00:00Z", OrderChange.Status.SHIPPED,
                    "2026-03-17T22:59:59Z"), noonInParis("2026-03-05"));

            assertThat(t.after().facts().maxDeliveryDate()).isEqualTo(date("2026-03-17"));
            // opens min(17 Mar + 3, 1 Mar + 30) = 20 Mar; deadline 17 Mar + 90 days = 15 Jun
            assertThat(t.after().window()).isEqualTo(new ClaimWindow(date("2026-03-20"), date("2026-06-15")));
            assertThat(events(t)).containsExactly("FACTS_UPDATED");
            assertThat(t.after().notices().orderChangedAt()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
            assertThat(Announcement.added(opened, t.after())).as("facts are not announced").isEmpty();
        }

        @Test
        void readsTheDeliveryDateInTheMarketplacesZone() {
            // 23:30 UTC on 17 March is 00:30 on 18 March in Paris.
            ClaimCase after = opened.orderChanged(change("2026-03-05T10:00:00Z", OrderChange.Status.UNSHIPPED,
                    "2026-03-17T23:30:00Z"), noonInParis("2026-03-05")).after();

            assertThat(after.facts().maxDeliveryDate()).isEqualTo(date("2026-03-18"));
        }

        @Test
        void anEasyShipDeliveryIsACarriersDeliveryReportOnTheDayOfTheChange() {
            OrderChange delivered = new OrderChange(Instant.parse("2026-03-09T16:00:00Z"), Marketplace.FR, OrderChange.Status.SHIPPED,
                    null, Fulfilment.SELLER, true);
            ClaimCase.Transition t = opened.orderChanged(delivered, noonInParis("2026-03-10"));

            assertThat(t.after().arrival(ArrivalSource.CARRIER)).hasValueSatisfying(a -> {
                assertThat(a.deliveredOn()).isEqualTo(date("2026-03-09"));
                assertThat(a.recordedOn()).isEqualTo(date("2026-03-10"));
            });
            assertThat(events(t)).containsExactly("FACTS_UPDATED", "ARRIVAL_REPORTED");
            assertThat(t.after().status()).as("a carrier's report is the seller's evidence, not receipt").isEqualTo(CaseStatus.OPEN);

            OrderChange later = new OrderChange(Instant.parse("2026-03-11T08:00:00Z"), Marketplace.FR, OrderChange.Status.SHIPPED,
                    null, Fulfilment.SELLER, true);
            assertThat(events(t.after().orderChanged(later, noonInParis("2026-03-11")))).as("the first carrier report stands")
                    .isEmpty();
        }

        @Test
        void aShippedOrdersParcelIsInTransitOnlyWhenNothingElseWasKnownOfIt() {
            ClaimCase after = opened.orderChanged(change("2026-03-03T10:00:00Z", OrderChange.Status.SHIPPED, null),
                    noonInParis("2026-03-03")).after();
            assertThat(after.facts().shipment().status()).isEqualTo(CarrierStatus.IN_TRANSIT);

            ClaimCase lost = order("2026-03-01", "2026-03-10").shipment(CarrierStatus.LOST_IN_TRANSIT, true, false).open();
            assertThat(lost.orderChanged(change("2026-03-03T10:00:00Z", OrderChange.Status.SHIPPED, null), noonInParis("2026-03-03"))
                    .after().facts().shipment().status()).isEqualTo(CarrierStatus.LOST_IN_TRANSIT);
        }

        @Test
        void aCancelledOrderIsRecordedWithItsDayAndTheCaseStaysOpen() {
            ClaimCase.Transition t = opened.orderChanged(change("2026-03-04T08:00:00Z", OrderChange.Status.CANCELED, null),
                    noonInParis("2026-03-04"));

            assertThat(events(t)).containsExactly("ORDER_CANCELLED");
            assertThat(t.entries().get(0).statements()).containsExactly(Statement.of(Rule.R1, Message.ORDER_CANCELLED, "2026-03-04"));
            assertThat(t.after().status()).isEqualTo(CaseStatus.OPEN);
            assertThat(t.after().notices().cancelledOn()).isEqualTo(date("2026-03-04"));
        }

        @Test
        void oneNoLaterThanTheLastAppliedChangesNothingSoADuplicateIsHarmless() {
            ClaimCase applied = opened.orderChanged(change("2026-03-05T10:00:00Z", OrderChange.Status.SHIPPED, "2026-03-17T12:00:00Z"),
                    noonInParis("2026-03-05")).after();

            OrderChange older = change("2026-03-04T10:00:00Z", OrderChange.Status.CANCELED, "2026-03-12T12:00:00Z");
            assertThat(applied.orderChanged(older, noonInParis("2026-03-06")).after()).isSameAs(applied);
            OrderChange same = change("2026-03-05T10:00:00Z", OrderChange.Status.SHIPPED, "2026-03-17T12:00:00Z");
            assertThat(applied.orderChanged(same, noonInParis("2026-03-06")).after()).isSameAs(applied);
        }

        @Test
        void oneThatChangesNothingElseIsStillRememberedSoThatAnOlderOneIsNotAppliedAfterIt() {
            ClaimCase.Transition same = opened.orderChanged(change("2026-03-05T10:00:00Z", OrderChange.Status.UNSHIPPED,
                    "2026-03-10T12:00:00Z"), noonInParis("2026-03-05"));
            assertThat(same.entries()).isEmpty();
            assertThat(same.after()).isNotEqualTo(opened);

            ClaimCase.Transition older = same.after().orderChanged(change("2026-03-04T10:00:00Z", OrderChange.Status.UNSHIPPED,
                    "2026-03-20T12:00:00Z"), noonInParis("2026-03-06"));
            assertThat(older.after().facts().maxDeliveryDate()).isEqualTo(date("2026-03-10"));
        }

        @Test
        void anotherMarketplaceOrAFulfilmentChangeAfterARefundIsRefusedAsAnEvaluationWould() {
            OrderChange german = new OrderChange(Instant.parse("2026-03-05T10:00:00Z"), Marketplace.DE, OrderChange.Status.SHIPPED,
                    null, Fulfilment.SELLER, false);
            assertThatThrownBy(() -> opened.orderChanged(german, noonInParis("2026-03-05"))).isInstanceOfSatisfying(Refusal.class,
                    r -> assertThat(r.field()).isEqualTo("marketplace"));

            ClaimCase refunded = opened.refund(RefundRequest.of("r-1", "10.00", null, false, null, null), noonInParis("2026-03-04")).after();
            OrderChange byAmazon = new OrderChange(Instant.parse("2026-03-05T10:00:00Z"), Marketplace.FR, OrderChange.Status.SHIPPED,
                    null, Fulfilment.MARKETPLACE, false);
            assertThatThrownBy(() -> refunded.orderChanged(byAmazon, noonInParis("2026-03-05"))).isInstanceOfSatisfying(Refusal.class,
                    r -> assertThat(r.field()).isEqualTo("fulfilment"));
        }

        @Test
        void aServiceIsCountedFromItsServiceDateWhateverTheDeliveryDate() {
            ClaimCase service = Orders.service("2026-03-01", "2026-03-10").open();
            ClaimCase after = service.orderChanged(change("2026-03-05T10:00:00Z", OrderChange.Status.UNSHIPPED, "2026-03-20T12:00:00Z"),
                    noonInParis("2026-03-05")).after();

            assertThat(after.facts().maxDeliveryDate()).isNull();
            assertThat(after.window()).isEqualTo(service.window());
        }
    }

    @Nested
    class ATrackingMilestone {

        @Test
        void aDeliveryIsACarriersDeliveryReportOnItsDayInTheMarketplacesZone() {
            ClaimCase us = order("2026-06-01", "2026-06-20").marketplace(Marketplace.US)
                    .total(Money.parse("total", "25.00", Marketplace.US.currency())).open();
            // Amazon's sample milestone: DELIVERED at 01:26:56 UTC on 14 June, still 13 June in Los Angeles.
            Instant occurredAt = Instant.parse("2026-06-14T01:26:56Z");
            ClaimCase.Transition t = us.trackingMilestone(occurredAt, true, Orders.noonOn(date("2026-06-14"), Marketplace.US));

            assertThat(t.after().arrival(ArrivalSource.CARRIER)).hasValueSatisfying(a -> assertThat(a.deliveredOn())
                    .isEqualTo(date("2026-06-13")));
            assertThat(events(t)).containsExactly("ARRIVAL_REPORTED");
            assertThat(t.after().notices().milestoneAt()).isEqualTo(occurredAt);
        }

        @Test
        void afterARefundItIsALateArrival() {
            ClaimCase refunded = opened.refund(RefundRequest.of("r-1", "10.00", null, false, null, null), noonInParis("2026-03-12")).after();
            ClaimCase after = refunded.trackingMilestone(Instant.parse("2026-03-14T09:00:00Z"), true, noonInParis("2026-03-15")).after();

            assertThat(after.status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
        }

        @Test
        void anOlderOrTheSameMilestoneAndOneThatIsNotADeliveryChangeNothing() {
            Instant at = Instant.parse("2026-03-09T16:00:00Z");
            ClaimCase delivered = opened.trackingMilestone(at, true, noonInParis("2026-03-10")).after();

            assertThat(delivered.trackingMilestone(at, true, noonInParis("2026-03-11")).after()).isSameAs(delivered);
            assertThat(delivered.trackingMilestone(at.minusSeconds(3600), true, noonInParis("2026-03-11")).after()).isSameAs(delivered);
            assertThat(opened.trackingMilestone(at, false, noonInParis("2026-03-10")).after()).isSameAs(opened);
        }

        @Test
        void aDeliveryAlreadyReportedThatDayIsRememberedWithoutANewEntry() {
            ClaimCase easyShip = opened.orderChanged(new OrderChange(Instant.parse("2026-03-09T16:00:00Z"), Marketplace.FR,
                    OrderChange.Status.SHIPPED, null, Fulfilment.SELLER, true), noonInParis("2026-03-10")).after();
            ClaimCase.Transition t = easyShip.trackingMilestone(Instant.parse("2026-03-09T15:00:00Z"), true, noonInParis("2026-03-10"));

            assertThat(t.entries()).isEmpty();
            assertThat(t.after().notices().milestoneAt()).isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
        }
    }
}
