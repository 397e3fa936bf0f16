package io.claimdesk.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import io.claimdesk.policy.ArrivalSource;
import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.ClaimOutcome;
import io.claimdesk.policy.FollowUp;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Money;
import io.claimdesk.policy.OrderChange;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.RefundRequest;
import io.claimdesk.policy.Refusal;
import io.claimdesk.policy.Shipment;
import io.claimdesk.policy.Stamp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/** The item mapping loses nothing: a case written and read back is the same case, whatever it went through. */
class CaseItemsProperties {

    private static final LocalDate ORDERED = LocalDate.parse("2026-03-01");

    @Property(tries = 500)
    void aCaseReadBackEqualsTheCaseWritten(@ForAll("cases") ClaimCase c) {
        net.jqwik.api.statistics.Statistics.label("status").collect(c.status());
        net.jqwik.api.statistics.Statistics.label("holds").collect(c.claim() != null ? "claim" : "-", c.arrivals().isEmpty() ? "-" : "arrival",
                c.ledger().refunds().isEmpty() ? "-" : "refund", c.noted().isEmpty() ? "-" : "noted");
        Map<String, AttributeValue> item = CaseItems.toItem(c, c.version(), 400);

        assertThat(CaseItems.fromItem(item)).isEqualTo(c);
        assertThat(item.get(CaseTable.TTL_ATTRIBUTE) != null).isEqualTo(c.closedOn() != null);
        assertThat(item.get(CaseTable.DUE_ON) != null).isEqualTo(c.nextAttention().isPresent());
        c.nextAttention().ifPresent(a -> assertThat(item.get(CaseTable.DUE_ON).s()).isEqualTo(a.on().toString()));
        // The tracking index keys on the tracking id, at the item's top level, only when the shipment has one.
        assertThat(item.containsKey(CaseTable.TRACKING_ID)).isEqualTo(c.facts().shipment().trackingId() != null);
        if (c.facts().shipment().trackingId() != null) {
            assertThat(item.get(CaseTable.TRACKING_ID).s()).isEqualTo(c.facts().shipment().trackingId());
        }
    }

    @Provide
    Arbitrary<ClaimCase> cases() {
        Arbitrary<OrderFacts> facts = Combinators.combine(
                Arbitraries.of(Marketplace.FR, Marketplace.JP, Marketplace.US),
                Arbitraries.of(Fulfilment.class),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 40),
                Arbitraries.of("Colissimo", "DHL Express", null),
                Arbitraries.of(CarrierStatus.class),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 20).injectNull(0.5)
        ).as((marketplace, fulfilment, service, days, carrier, status, tracked, reported) -> new OrderFacts(
                "171-" + days + "-" + marketplace, marketplace, fulfilment, ORDERED,
                service ? null : ORDERED.plusDays(days), service ? ORDERED.plusDays(days) : null,
                Money.of("orderTotal", new BigDecimal(marketplace == Marketplace.JP ? "5990" : "59.90"), marketplace.currency()),
                new Shipment(carrier, tracked, !tracked, status, false, false, tracked ? "AFTN" + (1000 + days) : null),
                reported == null ? null : ORDERED.plusDays(reported)));
        Arbitrary<List<Integer>> steps = Arbitraries.integers().between(0, 9999).list().ofMaxSize(12);
        return Combinators.combine(facts, steps, Arbitraries.longs().between(0, 40)).as(CaseItemsProperties::live);
    }

    /** A case that went through the steps the numbers pick, as the policy allows them. */
    private static ClaimCase live(OrderFacts facts, List<Integer> steps, long version) {
        int day = facts.reportedOn() == null ? 0 : (int) java.time.temporal.ChronoUnit.DAYS.between(ORDERED, facts.reportedOn());
        ClaimCase c = ClaimCase.open(facts, stamp(facts, day)).after();
        for (int n : steps) {
            day += n % 17;
            Stamp stamp = stamp(facts, day);
            LocalDate earlier = ORDERED.plusDays(Math.max(0, day - n % 5));
            try {
                c = switch (n % 7) {
                    case 0 -> c.refund(RefundRequest.of("rf-" + n % 3, n % 2 == 0 ? "full" : (facts.marketplace() == Marketplace.JP ? "100" : "10.05"),
                            null, n % 3 == 0, n % 4 == 0 ? "reason " + n : null, n % 5 == 0 ? earlier : null), stamp).after();
                    case 1 -> c.arrive(earlier, ArrivalSource.values()[n % 3], stamp).after();
                    case 2 -> c.claim(new ClaimCase.ClaimReport(earlier, n % 2 == 0 ? "AZ-" + n : null,
                            n % 3 == 0 ? null : ClaimOutcome.values()[n % 3], null), stamp).after();
                    case 3 -> c.followUp(FollowUp.values()[n % 4], "171-9-" + n, stamp).after();
                    case 4 -> c.attend(ORDERED.plusDays(day), stamp).after();
                    case 5 -> n % 2 == 0
                            ? c.orderChanged(new OrderChange(stamp.at().minusSeconds(n), null, OrderChange.Status.values()[n % 6],
                                    n % 3 == 0 ? null : stamp.at().plusSeconds(86400L * (n % 9)), null, n % 4 == 0), stamp).after()
                            : c.trackingMilestone(stamp.at().minusSeconds(n), true, stamp).after();
                    default -> c.attend(ORDERED.plusDays(day + 100), stamp).after();
                };
            } catch (Refusal refused) {
                // not every step applies to every case; the case stays as it was
            }
        }
        return c.withVersion(version);
    }

    private static Stamp stamp(OrderFacts facts, int day) {
        return new Stamp(ORDERED.plusDays(day).atTime(LocalTime.NOON).atZone(facts.marketplace().zone()).toInstant(), "test");
    }
}
