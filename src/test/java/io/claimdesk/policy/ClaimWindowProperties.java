package io.claimdesk.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** R6 invariants over any order (goods or service) placed between 2020 and 2040. */
class ClaimWindowProperties {

    private static final LocalDate FIRST_ORDER = LocalDate.of(2020, 1, 1);

    @Provide
    Arbitrary<OrderFacts> orders() {
        Arbitrary<LocalDate> orderDates = Arbitraries.integers().between(0, 20 * 366).map(FIRST_ORDER::plusDays);
        // up to two years between the order and its delivery or service (what OrderFacts.check accepts)
        // 27 days is where the two R6 bounds meet: check it and its neighbours often
        Arbitrary<Integer> daysToBase = Arbitraries.oneOf(Arbitraries.integers().between(0, 730),
                Arbitraries.of(0, 26, 27, 28));
        Arbitrary<Boolean> services = Arbitraries.of(true, false);
        return Combinators.combine(orderDates, daysToBase, services).as((ordered, days, isService) -> {
            Orders.Builder b = isService
                    ? Orders.service(ordered.toString(), ordered.plusDays(days).toString())
                    : Orders.order(ordered.toString(), ordered.plusDays(days).toString());
            return b.build().check();
        });
    }

    private static LocalDate base(OrderFacts facts) {
        return facts.isService() ? facts.serviceDate() : facts.maxDeliveryDate();
    }

    @Property(tries = 500)
    void opensOnTheEarlierOfTheTwoBounds(@ForAll("orders") OrderFacts facts) {
        LocalDate afterOrder = facts.orderDate().plusDays(30);
        LocalDate afterDelivery = base(facts).plusDays(3);

        LocalDate opensOn = ClaimWindow.of(facts).opensOn();

        assertThat(opensOn).isBeforeOrEqualTo(afterOrder).isBeforeOrEqualTo(afterDelivery).isIn(afterOrder, afterDelivery);
        assertThat(ClaimWindow.of(facts).openedByOrderDate(facts)).isEqualTo(afterOrder.isBefore(afterDelivery));
    }

    @Property(tries = 500)
    void deadlineIsNinetyDaysAfterTheDeliveryOrServiceDate(@ForAll("orders") OrderFacts facts) {
        ClaimWindow window = ClaimWindow.of(facts);

        assertThat(ChronoUnit.DAYS.between(base(facts), window.deadline())).isEqualTo(90);
        assertThat(window.opensOn()).isBefore(window.deadline());
    }

    @Property(tries = 500)
    void thePhaseNeverGoesBackAsTheDayAdvances(@ForAll("orders") OrderFacts facts,
                                               @ForAll @IntRange(min = -40, max = 900) int firstOffset,
                                               @ForAll @IntRange(min = 0, max = 400) int step) {
        ClaimWindow window = ClaimWindow.of(facts);
        LocalDate earlier = facts.orderDate().plusDays(firstOffset);
        LocalDate later = earlier.plusDays(step);

        assertThat(window.phaseOn(earlier).order()).isLessThanOrEqualTo(window.phaseOn(later).order());
    }

    @Property(tries = 100)
    void walkingDayByDayGoesNotYetOpenThenOpenThenLate(@ForAll("orders") OrderFacts facts) {
        ClaimWindow window = ClaimWindow.of(facts);
        int previous = 0;
        for (LocalDate day = facts.orderDate(); !day.isAfter(window.deadline().plusDays(3)); day = day.plusDays(1)) {
            ClaimPhase phase = window.phaseOn(day);
            assertThat(phase.order()).isGreaterThanOrEqualTo(previous);
            previous = phase.order();
            if (day.isBefore(window.opensOn())) {
                assertThat(phase).isInstanceOf(ClaimPhase.NotYetOpen.class);
                assertThat(day.plusDays(((ClaimPhase.NotYetOpen) phase).daysUntilOpen())).isEqualTo(window.opensOn());
            } else if (!day.isAfter(window.deadline())) {
                assertThat(phase).isInstanceOf(ClaimPhase.Open.class);
                assertThat(day.plusDays(((ClaimPhase.Open) phase).daysLeft())).isEqualTo(window.deadline());
            } else {
                assertThat(phase).isInstanceOf(ClaimPhase.Late.class);
                assertThat(((ClaimPhase.Late) phase).daysPast()).isPositive();
                assertThat(window.deadline().plusDays(((ClaimPhase.Late) phase).daysPast())).isEqualTo(day);
            }
        }
        assertThat(previous).isEqualTo(2);
    }

    @Property(tries = 200)
    void everyEvaluationEndsWithR2AndNoLineCarriesACode(@ForAll("orders") OrderFacts facts,
                                                           @ForAll @IntRange(min = 0, max = 900) int offset) {
        ClaimEvaluation evaluation = ClaimPolicy.evaluate(Orders.opened(facts), facts.orderDate().plusDays(offset));

        assertThat(evaluation.statements()).last().satisfies(s -> assertThat(s.rule()).isEqualTo(Rule.R2));
        assertThat(evaluation.options()).first().satisfies(o -> assertThat(o.kind()).isEqualTo(OptionKind.CONTACT_BUYER));
        assertThat(evaluation.statements()).allSatisfy(s -> assertThat(s.rule()).isNotNull());
        for (Language language : Language.values()) {
            assertThat(evaluation.explanation(language)).allSatisfy(line -> assertThat(line).isNotBlank().doesNotContain("[R"));
        }
    }
}
