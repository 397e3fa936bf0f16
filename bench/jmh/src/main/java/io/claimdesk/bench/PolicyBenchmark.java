package io.claimdesk.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.concurrent.TimeUnit;

import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.ClaimEvaluation;
import io.claimdesk.policy.ClaimPolicy;
import io.claimdesk.policy.ClaimWindow;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Money;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.RefundRequest;
import io.claimdesk.policy.ResolutionOption;
import io.claimdesk.policy.Shipment;
import io.claimdesk.policy.Stamp;
import io.claimdesk.policy.Statement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the policy costs per call, without DynamoDB or the framework: the evaluation the evaluateClaim
 * function answers with (window, phase, ranked options and the rendered French explanation and
 * consequences), a refund decision on a case that already holds refunds, and the claim window alone.
 * Defaults below give a run of about two and a half minutes; any JMH option given to bench/jmh.sh overrides them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(2)
@State(Scope.Thread)
public class PolicyBenchmark {

    private static final Currency EUR = Currency.getInstance("EUR");

    private OrderFacts facts;
    /** Seller-fulfilled, tracked and insured, carrier says LOST_IN_TRANSIT; just opened (no refund yet). */
    private ClaimCase lostInTransit;
    /** The same order with three partial refunds recorded (24.90 of 59.90 EUR refunded). */
    private ClaimCase withRefunds;
    private LocalDate asOf;
    private Stamp refundStamp;
    private LocalDate refundedOn;

    @Setup
    public void setUp() {
        facts = new OrderFacts("405-1234567-7654321", Marketplace.FR, Fulfilment.SELLER,
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 10), null,
                Money.of("orderTotal", new BigDecimal("59.90"), EUR),
                new Shipment("Colissimo", true, true, CarrierStatus.LOST_IN_TRANSIT),
                LocalDate.of(2025, 3, 14));
        Stamp opened = new Stamp(Instant.parse("2025-03-14T09:00:00Z"), "evaluateClaim");
        lostInTransit = ClaimCase.open(facts, opened).after();
        // Inside the claim window (it opens on 13 March): refund ranked first, then reorder, then the carrier.
        asOf = LocalDate.of(2025, 3, 20);

        ClaimCase c = lostInTransit;
        c = c.refund(RefundRequest.of("r-1", "10.00", "EUR", false, "goodwill", LocalDate.of(2025, 3, 15)),
                new Stamp(Instant.parse("2025-03-15T10:00:00Z"), "recordRefund")).after();
        c = c.refund(RefundRequest.of("r-2", "9.90", "EUR", false, null, LocalDate.of(2025, 3, 16)),
                new Stamp(Instant.parse("2025-03-16T10:00:00Z"), "recordRefund")).after();
        c = c.refund(RefundRequest.of("r-3", "5.00", "EUR", true, "shipping", LocalDate.of(2025, 3, 17)),
                new Stamp(Instant.parse("2025-03-17T10:00:00Z"), "recordRefund")).after();
        withRefunds = c;
        refundStamp = new Stamp(Instant.parse("2025-03-20T10:00:00Z"), "recordRefund");
        refundedOn = LocalDate.of(2025, 3, 20);

        // Fail fast if the scenario does not exercise what it claims to.
        ClaimEvaluation e = ClaimPolicy.evaluate(lostInTransit, asOf);
        if (e.options().size() != 4 || e.statements().size() < 4) {
            throw new IllegalStateException("unexpected evaluation: " + e);
        }
        if (withRefunds.ledger().refunds().size() != 3) {
            throw new IllegalStateException("expected three refunds: " + withRefunds.ledger());
        }
    }

    /** evaluateClaim's policy work: evaluate, then render the explanation and every option's consequences. */
    @Benchmark
    public void evaluateAndRender(Blackhole bh) {
        ClaimEvaluation evaluation = ClaimPolicy.evaluate(lostInTransit, asOf);
        bh.consume(evaluation.explanation(Language.FR));
        for (ResolutionOption option : evaluation.options()) {
            bh.consume(Statement.renderAll(option.consequences(), Language.FR));
        }
        bh.consume(evaluation.phase());
    }

    /** The evaluation alone, rendering left out: shows how much of the above is String.format. */
    @Benchmark
    public ClaimEvaluation evaluateOnly() {
        return ClaimPolicy.evaluate(lostInTransit, asOf);
    }

    /** A fourth partial refund on a case holding three: parse the amount, check it, add the refund and the history entry. */
    @Benchmark
    public ClaimCase.RefundTransition refundDecision() {
        return withRefunds.refund(RefundRequest.of("r-4", "12.50", "EUR", false, "goodwill", refundedOn), refundStamp);
    }

    /** R6 alone: the window from the order facts and the phase on a day. */
    @Benchmark
    public void windowAndPhase(Blackhole bh) {
        ClaimWindow window = ClaimWindow.of(facts);
        bh.consume(window.phaseOn(asOf));
    }
}
