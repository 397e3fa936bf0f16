package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.Claim;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Money;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.Shipment;
import io.claimdesk.policy.Stamp;
import io.claimdesk.policy.Todos;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code hoursLeft} on the to-do list (R9): whole hours of elapsed time left to answer Amazon, rounded down. A claim
 * known by its day counts from the start of that day; where the clocks go forward that day, its noon is 11 hours in,
 * so one more hour is left at noon than on any other day, and where they go back, one less.
 */
class HoursLeftTest {

    @ParameterizedTest(name = "{0}: filed on {1}, read at noon: {2} hours left")
    @CsvSource({
            "FR, 2026-03-29, 37",
            "FR, 2026-03-30, 36",
            "DE, 2026-10-25, 35",
            "UK, 2026-03-29, 37",
            "US, 2026-03-08, 37",
            "US, 2026-11-01, 35",
            "JP, 2026-03-29, 36"})
    void aDayOnlyClaimReadAtNoonOnItsDay(Marketplace marketplace, LocalDate filedOn, long hoursLeft) {
        ClaimCase claimed = claimedOn(marketplace, filedOn);
        Instant noon = ZonedDateTime.of(filedOn, LocalTime.NOON, marketplace.zone()).toInstant();

        Todos.Todo answer = Todos.open(claimed, filedOn).stream().filter(t -> t.kind() == Todos.Kind.ANSWER_CLAIM)
                .findFirst().orElseThrow();
        assertThat(DeskViews.hoursLeftOf(answer, noon)).isEqualTo(hoursLeft);
        // Rounded down: a second later, one hour less is whole; a second before the deadline, none; after it, negative.
        assertThat(DeskViews.hoursLeftOf(answer, noon.plusSeconds(1))).isEqualTo(hoursLeft - 1);
        assertThat(DeskViews.hoursLeftOf(answer, answer.dueAt().minusSeconds(1))).isZero();
        assertThat(DeskViews.hoursLeftOf(answer, answer.dueAt().plusSeconds(1))).isEqualTo(-1);
    }

    private static ClaimCase claimedOn(Marketplace marketplace, LocalDate filedOn) {
        LocalDate ordered = filedOn.minusDays(20);
        OrderFacts facts = new OrderFacts("171-0000000-0000001", marketplace, Fulfilment.SELLER, ordered, ordered.plusDays(5),
                null, Money.parse("orderTotal", "100", marketplace.currency()),
                new Shipment("Carrier", true, false, CarrierStatus.UNKNOWN, false, false), null);
        Stamp openedAt = new Stamp(ZonedDateTime.of(ordered, LocalTime.NOON, marketplace.zone()).toInstant(), "test");
        Stamp recordedAt = new Stamp(ZonedDateTime.of(filedOn, LocalTime.of(11, 0), marketplace.zone()).toInstant(), "test");
        return ClaimCase.open(facts, openedAt).after()
                .claim(new ClaimCase.ClaimReport(filedOn, null, null, null), recordedAt, Claim.DEFAULT_RESPONSE_HOURS).after();
    }
}
