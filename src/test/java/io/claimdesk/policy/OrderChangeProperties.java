package io.claimdesk.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQS delivers Amazon's order changes late, out of order and more than once. Whatever the order and the repeats, a case
 * ends with the facts of the latest change, knows it is cancelled exactly when the latest change says so, and a change
 * no later than the last one applied changes nothing at all.
 */
class OrderChangeProperties {

    private static final LocalDate ORDERED = LocalDate.parse("2026-03-01");
    private static final Stamp LATER = Orders.noonOn(ORDERED.plusDays(60), Marketplace.FR);

    /** One change as Amazon sends it: minutes after the order, its latest delivery day after the order, its status. */
    record Sent(int minute, int deliveryDay, OrderChange.Status status) {
        OrderChange change() {
            return new OrderChange(ORDERED.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60L * minute), Marketplace.FR, status,
                    ORDERED.plusDays(deliveryDay).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC), Fulfilment.SELLER, false);
        }
    }

    /** An order's changes in time order: unshipped for a while, then shipped or cancelled for good. */
    @Provide
    Arbitrary<List<Sent>> timelines() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 600).list().ofMinSize(1).ofMaxSize(6).uniqueElements(),
                Arbitraries.integers().between(5, 40).list().ofSize(6),
                Arbitraries.integers().between(0, 6),
                Arbitraries.of(OrderChange.Status.SHIPPED, OrderChange.Status.CANCELED)
        ).as((minutes, days, turn, after) -> {
            List<Integer> sorted = minutes.stream().sorted().toList();
            List<Sent> sent = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                sent.add(new Sent(sorted.get(i), days.get(i), i < turn ? OrderChange.Status.UNSHIPPED : after));
            }
            return sent;
        });
    }

    @Property(tries = 800)
    void lateOrRepeatedChangesEndWithTheLatestOnesFactsAndAnOlderOneChangesNothing(
            @ForAll("timelines") List<Sent> timeline, @ForAll("deliveries") List<Integer> picks) {
        ClaimCase opened = Orders.opened(Orders.order("2026-03-01", "2026-03-10").build());
        // Delivered as the picks say: each change at least once, some again, in any order.
        List<Sent> delivered = new ArrayList<>(timeline);
        picks.forEach(p -> delivered.add(timeline.get(p % timeline.size())));
        java.util.Collections.shuffle(delivered, new java.util.Random(picks.hashCode()));

        ClaimCase c = opened;
        for (Sent s : delivered) {
            Instant last = c.notices().orderChangedAt();
            ClaimCase after = c.orderChanged(s.change(), LATER).after();
            if (last != null && !s.change().changedAt().isAfter(last)) {
                assertThat(after).as("older than or the same as %s", last).isSameAs(c);
            }
            c = after;
        }

        Sent latest = timeline.stream().max(Comparator.comparingInt(Sent::minute)).orElseThrow();
        ClaimCase latestAlone = opened.orderChanged(latest.change(), LATER).after();
        assertThat(c.facts()).isEqualTo(latestAlone.facts());
        assertThat(c.facts().maxDeliveryDate()).isEqualTo(ORDERED.plusDays(latest.deliveryDay()));
        assertThat(c.notices().orderChangedAt()).isEqualTo(latest.change().changedAt());
        assertThat(c.notices().cancelledOn() != null).isEqualTo(latest.status() == OrderChange.Status.CANCELED);
        assertThat(c.history().stream().filter(h -> h.event().equals("ORDER_CANCELLED")).count()).isLessThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<List<Integer>> deliveries() {
        return Arbitraries.integers().between(0, 100).list().ofMaxSize(6);
    }
}
