package io.claimdesk.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated lifecycles, seller actions, sweeps and cancellations Amazon reports at random times among them, checked against the to-do list: no case
 * that needs the seller is ever missing from it (its index day is on or before any day it needs the seller), none is
 * listed after the seller acted but for a claim to answer or a granted claim to appeal, and what it lists on a day is
 * the same whether or not the sweep has run that day.
 */
class TodosProperties {

    private static final LocalDate ORDERED = LocalDate.parse("2026-03-01");

    /** One thing that happens on day {@code ORDERED + day}; {@code seller} when it is the seller acting. */
    sealed interface Step {
        int day();

        ClaimCase.Transition apply(ClaimCase c);

        default boolean seller() {
            return false;
        }
    }

    record Refunding(int day, String amount) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            ClaimCase.RefundTransition t = c.refund(RefundRequest.of("r" + day, amount, null, false, null, null), stamp(day));
            return new ClaimCase.Transition(t.after(), t.entries());
        }

        public boolean seller() {
            return true;
        }
    }

    record Arriving(int day, ArrivalSource source) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            ClaimCase.ArrivalTransition t = c.arrive(ORDERED.plusDays(day), source, stamp(day));
            return new ClaimCase.Transition(t.after(), t.entries());
        }

        public boolean seller() {
            return true;
        }
    }

    record Filing(int day, int hour) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            Instant at = ORDERED.plusDays(day).atTime(LocalTime.of(hour, 0)).atZone(Marketplace.FR.zone()).toInstant();
            return c.recordClaim(new ClaimCase.ClaimUpdate(null, at, null, null, null, null), stamp(day), 48);
        }
    }

    record Answering(int day) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            return c.answerClaim(stamp(day).at().minusSeconds(60), stamp(day));
        }

        public boolean seller() {
            return true;
        }
    }

    record Deciding(int day, ClaimOutcome outcome) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            return c.recordClaim(new ClaimCase.ClaimUpdate(null, null, null, null, outcome, ORDERED.plusDays(day)), stamp(day), 48);
        }
    }

    record SettingAside(int day, int forDays, SetAside.Note note) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            return c.setAside(ORDERED.plusDays(day + forDays), note, stamp(day));
        }

        public boolean seller() {
            return true;
        }
    }

    record FollowingUp(int day, FollowUp kind) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            return c.followUp(kind, kind == FollowUp.REPLACEMENT_ORDERED ? "171-9999999-0000001" : null, stamp(day));
        }

        public boolean seller() {
            return true;
        }
    }

    /**
     * Amazon reports the order cancelled (an SP-API ORDER_CHANGE) in the morning, before the day's other steps (each at
     * noon): not the seller acting.
     */
    record Cancelling(int day, int hour) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            Instant at = ORDERED.plusDays(day).atTime(LocalTime.of(hour, 0)).atZone(Marketplace.FR.zone()).toInstant();
            return c.orderChanged(new OrderChange(at, Marketplace.FR, OrderChange.Status.CANCELED, null, null, false),
                    new Stamp(at.plusSeconds(30), "spapiNotifications"));
        }
    }

    record Sweeping(int day) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            return c.attend(ORDERED.plusDays(day), stamp(day));
        }
    }

    private static Stamp stamp(int day) {
        return Orders.noonOn(ORDERED.plusDays(day), Marketplace.FR);
    }

    @Provide
    Arbitrary<List<Step>> lifecycles() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 160);
        Arbitrary<Step> refund = Combinators.combine(day, Arbitraries.of("10.00", "40.00", "full")).as(Refunding::new);
        Arbitrary<Step> arrival = Combinators.combine(day, Arbitraries.of(ArrivalSource.class)).as(Arriving::new);
        Arbitrary<Step> filing = Combinators.combine(day, Arbitraries.integers().between(0, 23)).as(Filing::new);
        Arbitrary<Step> answer = day.map(Answering::new);
        Arbitrary<Step> decision = Combinators.combine(day, Arbitraries.of(ClaimOutcome.class)).as(Deciding::new);
        Arbitrary<Step> aside = Combinators.combine(day, Arbitraries.integers().between(1, SetAside.MAX_DAYS),
                Arbitraries.of(SetAside.Note.class)).as(SettingAside::new);
        Arbitrary<Step> followUp = Combinators.combine(day, Arbitraries.of(FollowUp.class)).as(FollowingUp::new);
        Arbitrary<Step> sweep = day.map(Sweeping::new);
        Arbitrary<Step> cancel = Combinators.combine(day, Arbitraries.integers().between(0, 11)).as(Cancelling::new);
        return Arbitraries.frequencyOf(Tuple.of(3, refund), Tuple.of(3, arrival), Tuple.of(2, filing), Tuple.of(2, answer),
                        Tuple.of(2, decision), Tuple.of(2, aside), Tuple.of(2, followUp), Tuple.of(3, sweep), Tuple.of(1, cancel))
                .list().ofMinSize(0).ofMaxSize(12)
                .map(steps -> steps.stream().sorted(java.util.Comparator.comparingInt(Step::day)).toList());
    }

    @Provide
    Arbitrary<OrderFacts> orders() {
        return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.of(CarrierStatus.class))
                .as((late, status) -> Orders.order("2026-03-01", "2026-03-10").maxDeliveryDate(ORDERED.plusDays(9 + late))
                        .shipment(status, true, false).build());
    }

    @Property(tries = 1500)
    void aCaseThatNeedsTheSellerIsAlwaysListedAndActingTakesItOffUntilItsNextAttention(
            @ForAll("orders") OrderFacts facts, @ForAll("lifecycles") List<Step> steps,
            @ForAll @IntRange(min = 0, max = 30) int reportedOnDay) {
        // The buyer's report opens the case on the order's day or up to a month later, maybe after the window opened.
        ClaimCase c = ClaimCase.open(facts, stamp(reportedOnDay)).after();
        assertListedWheneverItNeedsTheSeller(c, reportedOnDay);
        for (Step step : steps) {
            if (step.day() < reportedOnDay) {
                continue;
            }
            Optional<ClaimCase.Transition> t = tryStep(step, c);
            if (t.isEmpty() || !t.get().changed()) {
                continue;
            }
            c = t.get().after();
            LocalDate today = ORDERED.plusDays(step.day());
            if (step.seller()) {
                ClaimCase acted = c;
                // Two things stay until done in their own way: a claim until Amazon is answered (R9), a granted
                // claim until the seller sets the case aside (appealed or not) or the appeal period ends (R10).
                assertThat(Todos.open(c, today)).as("after %s", step).allSatisfy(todo -> assertThat(todo.kind())
                        .as("only a claim to answer or an appeal stays listed after an action, %s", acted.claim())
                        .isIn(step instanceof SettingAside ? List.of(Todos.Kind.ANSWER_CLAIM)
                                : List.of(Todos.Kind.ANSWER_CLAIM, Todos.Kind.APPEAL)));
            }
            assertListedWheneverItNeedsTheSeller(c, step.day());
            // The sweep as of the day lists nothing more and nothing less.
            ClaimCase swept = c.attend(today, stamp(step.day())).after();
            assertThat(Todos.open(swept, today)).as("swept on day %s", step.day()).isEqualTo(Todos.open(c, today));
        }
    }

    /** On every later day, up to well past the claim window, a case with something open is in the index by then. */
    private static void assertListedWheneverItNeedsTheSeller(ClaimCase c, int from) {
        Optional<LocalDate> listed = Todos.listedFrom(c);
        for (int day = from; day <= 260; day++) {
            LocalDate on = ORDERED.plusDays(day);
            if (!Todos.open(c, on).isEmpty()) {
                assertThat(listed).as("needs the seller on %s", on).isPresent();
                assertThat(listed.get()).as("listed by %s", on).isBeforeOrEqualTo(on);
            }
        }
    }

    private static Optional<ClaimCase.Transition> tryStep(Step step, ClaimCase c) {
        try {
            return Optional.of(step.apply(c));
        } catch (Refusal refused) {
            return Optional.empty();
        }
    }
}
