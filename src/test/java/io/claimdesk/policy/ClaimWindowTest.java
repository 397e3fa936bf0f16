package io.claimdesk.policy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.order;
import static io.claimdesk.policy.Orders.service;
import static org.assertj.core.api.Assertions.assertThat;

/** R6: when the buyer can file. Every expected date below was counted on a calendar, not computed. */
@DisplayName("R6 claim window")
class ClaimWindowTest {

    @Nested
    class WorkedExamples {

        @Test
        void opensThreeDaysAfterMaxDeliveryWhenEarlier() {
            OrderFacts facts = order("2026-03-01", "2026-03-10").build();

            ClaimWindow window = ClaimWindow.of(facts);

            // 2026-03-10 + 3 = 2026-03-13, before 2026-03-01 + 30 = 2026-03-31
            assertThat(window.opensOn()).isEqualTo(date("2026-03-13"));
            // 21 days to 31 March, 30 in April, 31 in May, 8 in June: 90
            assertThat(window.deadline()).isEqualTo(date("2026-06-08"));
            assertThat(window.openedByOrderDate(facts)).isFalse();
        }

        @Test
        void opensThirtyDaysAfterOrderWhenEarlier() {
            OrderFacts facts = order("2026-01-01", "2026-02-15").build();

            ClaimWindow window = ClaimWindow.of(facts);

            // 2026-01-01 + 30 = 2026-01-31, before 2026-02-15 + 3 = 2026-02-18
            assertThat(window.opensOn()).isEqualTo(date("2026-01-31"));
            // 13 days to 28 February, 31 in March, 30 in April, 16 in May: 90
            assertThat(window.deadline()).isEqualTo(date("2026-05-16"));
            assertThat(window.openedByOrderDate(facts)).isTrue();
        }
    }

    @Nested
    class CalendarEdges {

        @Test
        void bothBoundsLandOnTheLeapDay() {
            // 2028-01-30 + 30 = 2028-02-29 and 2028-02-26 + 3 = 2028-02-29
            ClaimWindow window = ClaimWindow.of(order("2028-01-30", "2028-02-26").build());

            assertThat(window.opensOn()).isEqualTo(date("2028-02-29"));
            // 3 days to 29 February, 31 in March, 30 in April, 26 in May: 90
            assertThat(window.deadline()).isEqualTo(date("2028-05-26"));
        }

        @Test
        void thirtyDaysAfterOrderCountsTheLeapDay() {
            assertThat(ClaimWindow.of(order("2028-01-30", "2028-03-10").build()).opensOn())
                    .isEqualTo(date("2028-02-29"));
            // the same order date a year earlier has no 29 February: it lands on 1 March
            assertThat(ClaimWindow.of(order("2027-01-30", "2027-03-10").build()).opensOn())
                    .isEqualTo(date("2027-03-01"));
        }

        @Test
        void threeDaysAfterMaxDeliveryCountsTheLeapDay() {
            // 28 Feb, 29 Feb, 1 Mar in 2028; 28 Feb, 1 Mar, 2 Mar in 2026
            assertThat(ClaimWindow.of(order("2028-02-20", "2028-02-27").build()).opensOn())
                    .isEqualTo(date("2028-03-01"));
            assertThat(ClaimWindow.of(order("2026-02-20", "2026-02-27").build()).opensOn())
                    .isEqualTo(date("2026-03-02"));
        }

        @Test
        void ninetyDaysCountTheLeapDay() {
            // 16 to 31 January, 29 in February, 31 in March, 14 in April: 90
            assertThat(ClaimWindow.of(order("2028-01-10", "2028-01-15").build()).deadline())
                    .isEqualTo(date("2028-04-14"));
            // same dates without a leap day: one day later
            assertThat(ClaimWindow.of(order("2026-01-10", "2026-01-15").build()).deadline())
                    .isEqualTo(date("2026-04-15"));
        }

        @Test
        void deliveryBoundCrossesTheYearEnd() {
            ClaimWindow window = ClaimWindow.of(order("2026-12-20", "2026-12-30").build());

            // 31 Dec, 1 Jan, 2 Jan; the order bound would be 2027-01-19
            assertThat(window.opensOn()).isEqualTo(date("2027-01-02"));
            // 1 day in December, 31 in January, 28 in February, 30 in March: 90
            assertThat(window.deadline()).isEqualTo(date("2027-03-30"));
        }

        @Test
        void orderBoundCrossesTheYearEnd() {
            ClaimWindow window = ClaimWindow.of(order("2026-12-15", "2027-01-20").build());

            // 16 days to 31 December, 14 in January: 30; the delivery bound would be 2027-01-23
            assertThat(window.opensOn()).isEqualTo(date("2027-01-14"));
            // 11 days to 31 January, 28 in February, 31 in March, 20 in April: 90
            assertThat(window.deadline()).isEqualTo(date("2027-04-20"));
        }

        @Test
        void equalBoundsOpenOnThatDay() {
            // order 2026-01-01 + 30 = 2026-01-31 = 2026-01-28 + 3
            assertThat(ClaimWindow.of(order("2026-01-01", "2026-01-28").build()).opensOn())
                    .isEqualTo(date("2026-01-31"));
        }

        @Test
        void theEarlierBoundWinsOnEitherSideOfTheCrossing() {
            OrderFacts deliveryFirst = order("2026-01-01", "2026-01-27").build();
            OrderFacts orderFirst = order("2026-01-01", "2026-01-29").build();

            // 2026-01-27 + 3 = 2026-01-30, one day before the order bound 2026-01-31
            assertThat(ClaimWindow.of(deliveryFirst).opensOn()).isEqualTo(date("2026-01-30"));
            assertThat(ClaimWindow.of(deliveryFirst).openedByOrderDate(deliveryFirst)).isFalse();
            // 2026-01-29 + 3 = 2026-02-01, one day after the order bound 2026-01-31
            assertThat(ClaimWindow.of(orderFirst).opensOn()).isEqualTo(date("2026-01-31"));
            assertThat(ClaimWindow.of(orderFirst).openedByOrderDate(orderFirst)).isTrue();
        }

        @Test
        void deliveryOnTheOrderDayOpensThreeDaysLater() {
            ClaimWindow window = ClaimWindow.of(order("2026-05-05", "2026-05-05").build());

            assertThat(window.opensOn()).isEqualTo(date("2026-05-08"));
            // 26 days to 31 May, 30 in June, 31 in July, 3 in August: 90
            assertThat(window.deadline()).isEqualTo(date("2026-08-03"));
        }
    }

    @Nested
    class Services {

        @Test
        void deadlineIsNinetyDaysAfterTheServiceDate() {
            OrderFacts facts = service("2026-04-01", "2026-04-10").build();

            // 20 days to 30 April, 31 in May, 30 in June, 9 in July: 90
            assertThat(ClaimWindow.of(facts).deadline()).isEqualTo(date("2026-07-09"));
            assertThat(facts.isService()).isTrue();
            assertThat(facts.deliveryBase()).isEqualTo(date("2026-04-10"));
        }

        @Test
        void aLateServiceStillOpensThirtyDaysAfterTheOrder() {
            ClaimWindow window = ClaimWindow.of(service("2026-04-01", "2026-06-01").build());

            // 2026-04-01 + 30 = 2026-05-01, long before the service date
            assertThat(window.opensOn()).isEqualTo(date("2026-05-01"));
            // 29 days to 30 June, 31 in July, 30 in August: 90
            assertThat(window.deadline()).isEqualTo(date("2026-08-30"));
        }
    }

    @Nested
    class Phases {

        private final ClaimWindow window = ClaimWindow.of(order("2026-03-01", "2026-03-10").build());

        @Test
        void cannotFileOnTheOrderDay() {
            assertThat(window.phaseOn(date("2026-03-01"))).isEqualTo(new ClaimPhase.NotYetOpen(12));
        }

        @Test
        void cannotFileTheDayBeforeOpening() {
            assertThat(window.phaseOn(date("2026-03-12"))).isEqualTo(new ClaimPhase.NotYetOpen(1));
        }

        @Test
        void canFileOnTheOpeningDay() {
            // 18 days left in March, 30 in April, 31 in May, 8 in June
            assertThat(window.phaseOn(date("2026-03-13"))).isEqualTo(new ClaimPhase.Open(87));
        }

        @Test
        void canStillFileOnTheDeadlineWithNoDayLeft() {
            assertThat(window.phaseOn(date("2026-06-08"))).isEqualTo(new ClaimPhase.Open(0));
        }

        @Test
        void theDayAfterTheDeadlineIsLateNotImpossible() {
            ClaimPhase phase = window.phaseOn(date("2026-06-09"));

            assertThat(phase).isEqualTo(new ClaimPhase.Late(1));
            assertThat(phase.order()).isEqualTo(2);
        }

        @Test
        void phasesAreOrderedInTime() {
            assertThat(new ClaimPhase.NotYetOpen(5).order())
                    .isLessThan(new ClaimPhase.Open(5).order())
                    .isLessThan(new ClaimPhase.Late(5).order());
        }

        @Test
        void aYearLaterIsStillOnlyLate() {
            // 2026-06-08 to 2027-06-08 is 365 days
            assertThat(window.phaseOn(date("2027-06-08"))).isEqualTo(new ClaimPhase.Late(365));
        }
    }
}
