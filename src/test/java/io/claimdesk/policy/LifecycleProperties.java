package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static io.claimdesk.policy.Orders.noonOn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of everything a case can take (evaluations, refunds, arrivals from each source, claims
 * filed and decided, consent, returns, replacement orders, sweeps at random times), checked after every step.
 */
class LifecycleProperties {

    private static final LocalDate ORDERED = LocalDate.parse("2026-03-01");

    /** One thing that happens to a case on day {@code ORDERED + day}. */
    sealed interface Step {
        int day();

        /** The case after the step; the same case when it was refused. */
        ClaimCase.Transition apply(ClaimCase c);
    }

    record Refunding(int day, String id, String amount, boolean reorder, Integer refundedDay) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            LocalDate on = refundedDay == null ? null : ORDERED.plusDays(Math.min(refundedDay, day));
            ClaimCase.RefundTransition t = c.refund(RefundRequest.of(id, amount, null, reorder, null, on), stamp(day));
            return new ClaimCase.Transition(t.after(), t.entries());
        }
    }

    record Arriving(int day, ArrivalSource source, int deliveredDay) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            ClaimCase.ArrivalTransition t = c.arrive(ORDERED.plusDays(Math.min(deliveredDay, day)), source, stamp(day));
            return new ClaimCase.Transition(t.after(), t.entries());
        }
    }

    record Claiming(int day, int filedDay, ClaimOutcome outcome) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            return c.claim(new ClaimCase.ClaimReport(ORDERED.plusDays(Math.min(filedDay, day)), null, outcome, null), stamp(day));
        }
    }

    record FollowingUp(int day, FollowUp kind) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            return c.followUp(kind, kind == FollowUp.REPLACEMENT_ORDERED ? "171-9999999-0000001" : null, stamp(day));
        }
    }

    record Sweeping(int day) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            return c.attend(ORDERED.plusDays(day), stamp(day));
        }
    }

    /** The same facts again, or a corrected maximum delivery date ({@code laterBy} days after the order's tenth day). */
    record Evaluating(int day, Integer laterBy) implements Step {
        public ClaimCase.Transition apply(ClaimCase c) {
            OrderFacts f = c.facts();
            return c.withFacts(laterBy == null ? f : new OrderFacts(f.orderId(), f.marketplace(), f.fulfilment(), f.orderDate(),
                    ORDERED.plusDays(10 + laterBy), null, f.orderTotal(), f.shipment(), f.reportedOn()), stamp(day));
        }

        boolean corrects() {
            return laterBy != null;
        }
    }

    private static Stamp stamp(int day) {
        return noonOn(ORDERED.plusDays(day), Marketplace.FR);
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 220);
        Arbitrary<Step> refund = Combinators.combine(day, Arbitraries.of("a", "b", "c"), Arbitraries.of("10.00", "25.00", "60.00", "full"),
                Arbitraries.of(true, false), day.injectNull(0.5)).as(Refunding::new);
        Arbitrary<Step> arrival = Combinators.combine(day, Arbitraries.of(ArrivalSource.class), day).as(Arriving::new);
        Arbitrary<Step> claim = Combinators.combine(day, day, Arbitraries.of(ClaimOutcome.class).injectNull(0.5)).as(Claiming::new);
        Arbitrary<Step> followUp = Combinators.combine(day, Arbitraries.of(FollowUp.class)).as(FollowingUp::new);
        Arbitrary<Step> sweep = day.map(Sweeping::new);
        Arbitrary<Step> evaluate = Combinators.combine(day, Arbitraries.integers().between(0, 120).injectNull(0.5)).as(Evaluating::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, refund), net.jqwik.api.Tuple.of(3, arrival), net.jqwik.api.Tuple.of(2, claim),
                        net.jqwik.api.Tuple.of(2, followUp), net.jqwik.api.Tuple.of(3, sweep), net.jqwik.api.Tuple.of(2, evaluate))
                .list().ofMinSize(1).ofMaxSize(14)
                // Time runs forward: each step happens on or after the one before it.
                .map(steps -> steps.stream().sorted(java.util.Comparator.comparingInt(Step::day)).toList());
    }

    @Provide
    Arbitrary<OrderFacts> orders() {
        return Combinators.combine(Arbitraries.of(Fulfilment.SELLER, Fulfilment.SELLER, Fulfilment.MARKETPLACE),
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.of(CarrierStatus.class), Arbitraries.of(true, false))
                .as((fulfilment, late, status, tracked) -> Orders.order("2026-03-01", "2026-03-10")
                        .maxDeliveryDate(ORDERED.plusDays(9 + late)).fulfilment(fulfilment)
                        .shipment(status, tracked, false).build());
    }

    @Property(tries = 3000)
    void everyStepKeepsTheCaseSoundAndLeavesAWayForward(@ForAll("orders") OrderFacts facts, @ForAll("sequences") List<Step> steps) {
        ClaimCase c = Orders.opened(facts);
        List<Step> accepted = new ArrayList<>();
        for (Step step : steps) {
            ClaimCase before = c;
            Optional<ClaimCase.Transition> t = tryStep(step, c);
            if (t.isPresent() && t.get().changed()) {
                accepted.add(step);
                c = t.get().after();
            }
            assertSound(before, c, step.day());
        }

        // The sequence delivered again changes nothing: every step that took effect is now a replay. (A step that
        // was refused, say a return before any arrival, is a new input when it comes again after the arrival.)
        // A correction is the exception: evaluateClaim sets the facts, so an older correction applies again.
        ClaimCase settled = c;
        for (Step step : accepted.stream().filter(s -> !(s instanceof Evaluating e && e.corrects())).toList()) {
            tryStep(step, settled).ifPresent(t -> assertThat(t.changed())
                    .as("%s delivered again after %s", step, accepted).isFalse());
        }
    }

    private static Optional<ClaimCase.Transition> tryStep(Step step, ClaimCase c) {
        try {
            return Optional.of(step.apply(c));
        } catch (Refusal refused) {
            assertThat(refused.code()).isNotNull();
            assertThat(refused.getMessage()).isNotBlank();
            return Optional.empty();
        }
    }

    private static void assertSound(ClaimCase before, ClaimCase after, int day) {
        // History only grows, and what was there stays as it was.
        assertThat(after.history()).startsWith(before.history().toArray(HistoryEntry[]::new));
        // The refunded amount never exceeds the order total.
        assertThat(after.ledger().refunded().compareTo(after.facts().orderTotal())).isLessThanOrEqualTo(0);
        // The stored status is the one the lifecycle derives; a closed case, and only a closed case, has its date.
        Lifecycle.Standing standing = Lifecycle.standingOf(after);
        assertThat(after.status()).isEqualTo(standing.status());
        assertThat(after.closeReason()).isEqualTo(standing.closeReason());
        assertThat(after.closedOn() != null).isEqualTo(after.status() == CaseStatus.CLOSED);
        // Every statement has its rule beside its text, and no code in it: in the history, and in the evaluation with its options.
        LocalDate today = ORDERED.plusDays(day);
        ClaimEvaluation evaluation = ClaimPolicy.evaluate(after, today);
        List<Statement> said = new ArrayList<>(evaluation.statements());
        evaluation.options().forEach(o -> said.addAll(o.consequences()));
        after.history().forEach(h -> said.addAll(h.statements()));
        for (Statement s : said) {
            assertThat(s.rule()).isNotNull();
            assertThat(s.render(Language.EN)).isNotBlank().doesNotContain("[R");
        }
        assertThat(after.history()).allSatisfy(h -> assertThat(h.rules()).isNotEmpty());
        // No state without a way forward: something a seller can record still moves the case. The one end is a
        // claim Amazon granted: the buyer has been made whole by Amazon and nothing in the seed follows it.
        if (after.closeReason() != CloseReason.CLAIM_GRANTED) {
            assertThat(waysForward(after, day)).as("ways forward from %s %s", after.status(), after.closeReason()).isNotEmpty();
        }
    }

    /** The events, among those a seller can always try, that the case takes and that change it. */
    private static List<String> waysForward(ClaimCase c, int day) {
        int later = day + 1;
        List<Step> tries = new ArrayList<>(List.of(
                new Claiming(later, later, null),
                new Claiming(later, later, ClaimOutcome.GRANTED),
                new Arriving(later, ArrivalSource.BUYER, later),
                new FollowingUp(later, FollowUp.CONSENT_GIVEN),
                new FollowingUp(later, FollowUp.RETURN_RECEIVED),
                new Sweeping(later + 400),
                new Refunding(later, "way-forward", "0.01", false, null)));
        if (c.claim() != null) {
            tries.add(new Claiming(later, (int) java.time.temporal.ChronoUnit.DAYS.between(ORDERED, c.claim().filedOn()), ClaimOutcome.GRANTED));
        }
        List<String> ways = new ArrayList<>();
        for (Step step : tries) {
            tryStep(step, c).filter(ClaimCase.Transition::changed).ifPresent(t -> ways.add(step.toString()));
        }
        return ways;
    }
}
