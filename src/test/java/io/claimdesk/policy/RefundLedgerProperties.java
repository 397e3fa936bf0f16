package io.claimdesk.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** R3/R7 invariants: whatever refunds arrive, in any order, the ledger never refunds more than the order. */
class RefundLedgerProperties {

    private static final LocalDate ON = LocalDate.of(2026, 3, 15);

    /** An order total and a run of refund requests: amounts at the currency's scale, some above what is left, some "full". */
    record Scenario(Currency currency, BigDecimal total, List<String> amounts, List<Boolean> reorders) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Currency> currencies = Arbitraries.of(Orders.EUR, Orders.JPY);
        return currencies.flatMap(currency -> {
            int scale = currency.getDefaultFractionDigits();
            Arbitrary<Long> totals = Arbitraries.longs().between(1, 5_000_000);
            return totals.flatMap(totalUnits -> {
                BigDecimal total = BigDecimal.valueOf(totalUnits, scale);
                // mostly small parts of the total, sometimes above it, sometimes "full"
                Arbitrary<String> amounts = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, Math.max(1, totalUnits / 3))
                                .map(u -> BigDecimal.valueOf(u, scale).toPlainString())),
                        net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, totalUnits * 2)
                                .map(u -> BigDecimal.valueOf(u, scale).toPlainString())),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just("full")));
                return Combinators.combine(amounts.list().ofMinSize(1).ofMaxSize(20),
                                Arbitraries.of(true, false).list().ofSize(20))
                        .as((list, reorders) -> new Scenario(currency, total, list, reorders));
            });
        });
    }

    private static RefundRequest request(Scenario s, int i) {
        return RefundRequest.of("rf-" + i, s.amounts().get(i), s.currency().getCurrencyCode(), s.reorders().get(i),
                null, null);
    }

    @Property(tries = 500)
    void neverRefundsMoreThanTheTotalAndRefusalsChangeNothing(@ForAll("scenarios") Scenario s) {
        Money total = new Money(s.total(), s.currency());
        RefundLedger ledger = RefundLedger.empty(total);
        BigDecimal left = s.total();
        List<String> accepted = new ArrayList<>();

        for (int i = 0; i < s.amounts().size(); i++) {
            String asked = s.amounts().get(i);
            BigDecimal expected = asked.equals("full") ? left : new BigDecimal(asked);
            boolean fits = left.signum() > 0 && expected.compareTo(left) <= 0;
            RefundLedger before = ledger;
            RefundRequest request = request(s, i);

            Refusal refusal = catchThrowableOfType(Refusal.class, () -> before.apply(request, ON));

            if (fits) {
                assertThat(refusal).as("refund %s with %s left", asked, left).isNull();
                RefundLedger.Outcome outcome = before.apply(request, ON);
                assertThat(outcome).isInstanceOf(RefundLedger.Outcome.Recorded.class);
                assertThat(outcome.refund().amount().amount()).isEqualByComparingTo(expected);
                ledger = outcome.ledger();
                left = left.subtract(expected);
                accepted.add(request.refundId());
            } else {
                assertThat(refusal).as("refund %s with %s left", asked, left).isNotNull();
                assertThat(refusal.code()).isEqualTo(RefusalCode.REFUND_EXCEEDS_REMAINING);
                assertThat(before.refunds()).hasSize(accepted.size());
            }
            assertThat(ledger.refunded().compareTo(total)).isLessThanOrEqualTo(0);
            assertThat(ledger.refunded().plus(ledger.remaining())).isEqualTo(total);
            assertThat(ledger.remaining().amount()).isEqualByComparingTo(left);
        }
        assertThat(ledger.refunds()).extracting(Refund::refundId).containsExactlyElementsOf(accepted);
        assertThat(ledger.standing()).isEqualTo(accepted.isEmpty() ? RefundStanding.NONE
                : left.signum() == 0 ? RefundStanding.FULL : RefundStanding.PARTIAL);
    }

    @Property(tries = 300)
    void replayingAnyRecordedRefundChangesNothing(@ForAll("scenarios") Scenario s) {
        OrderFacts facts = Orders.order("2026-03-01", "2026-03-10")
                .marketplace(s.currency().equals(Orders.JPY) ? Marketplace.JP : Marketplace.FR)
                .total(new Money(s.total(), s.currency())).build();
        ClaimCase claimCase = Orders.opened(facts);
        Stamp stamp = Orders.noonOn(ON, facts.marketplace());
        List<RefundRequest> recorded = new ArrayList<>();
        for (int i = 0; i < s.amounts().size(); i++) {
            RefundRequest request = request(s, i);
            try {
                claimCase = claimCase.refund(request, stamp).after();
                recorded.add(request);
            } catch (Refusal refused) {
                assertThat(refused.code()).isEqualTo(RefusalCode.REFUND_EXCEEDS_REMAINING);
            }
        }

        Stamp later = Orders.noonOn(ON.plusDays(3), facts.marketplace());
        for (RefundRequest request : recorded) {
            ClaimCase.RefundTransition again = claimCase.refund(request, later);
            assertThat(again.replay()).isTrue();
            assertThat(again.entries()).isEmpty();
            assertThat(again.after()).isSameAs(claimCase);
            assertThat(again.refund()).isEqualTo(claimCase.ledger().find(request.refundId()).orElseThrow());
        }
    }
}
