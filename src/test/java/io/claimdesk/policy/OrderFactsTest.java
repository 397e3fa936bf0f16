package io.claimdesk.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.eur;
import static io.claimdesk.policy.Orders.jpy;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static io.claimdesk.policy.Orders.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Facts that cannot describe a real order are refused before any rule is applied. */
class OrderFactsTest {

    private static void assertRefused(Executable check, String field) {
        Refusal refusal = catchThrowableOfType(Refusal.class, check::execute);
        assertThat(refusal).as("refusal on %s", field).isNotNull();
        assertThat(refusal.code()).isEqualTo(RefusalCode.VALIDATION_FAILED);
        assertThat(refusal.field()).isEqualTo(field);
    }

    @Test
    void acceptsAPlainOrderAndReturnsItForChaining() {
        OrderFacts facts = order("2026-03-01", "2026-03-10").reportedOn("2026-03-12").build();

        assertThat(facts.check()).isSameAs(facts);
        assertThat(facts.isService()).isFalse();
        assertThat(facts.deliveryBase()).isEqualTo(date("2026-03-10"));
    }

    @Test
    void missingShipmentMeansNoCarrierInformation() {
        OrderFacts facts = order("2026-03-01", "2026-03-10").shipment(null).build();

        assertThat(facts.shipment()).isEqualTo(Shipment.none());
        assertThat(facts.shipment().status()).isEqualTo(CarrierStatus.UNKNOWN);
        assertThat(facts.shipment().status().carrierCanHelp()).isFalse();
    }

    @Test
    void refusesMaxDeliveryBeforeTheOrder() {
        assertRefused(() -> order("2026-03-10", "2026-03-09").build().check(), "maxDeliveryDate");
    }

    @Test
    void refusesServiceBeforeTheOrder() {
        assertRefused(() -> service("2026-03-10", "2026-03-01").build().check(), "serviceDate");
    }

    @Test
    void refusesNeitherDeliveryNorServiceDate() {
        assertRefused(() -> order("2026-03-01", "2026-03-10").maxDeliveryDate(null).build().check(), "maxDeliveryDate");
    }

    @Test
    void refusesBothDeliveryAndServiceDate() {
        assertRefused(() -> order("2026-03-01", "2026-03-10").serviceDate(date("2026-03-05")).build().check(),
                "serviceDate");
    }

    @Test
    void refusesDatesMoreThanTwoYearsApart() {
        assertThat(order("2026-01-01", "2028-01-01").build().check()).isNotNull();
        assertRefused(() -> order("2026-01-01", "2028-01-02").build().check(), "maxDeliveryDate");
        assertRefused(() -> service("2026-01-01", "2028-01-02").build().check(), "serviceDate");
        assertRefused(() -> order("2026-01-01", "2026-01-10").reportedOn("2028-01-02").build().check(), "reportedOn");
    }

    @Test
    void refusesAReportBeforeTheOrder() {
        assertRefused(() -> order("2026-03-01", "2026-03-10").reportedOn("2026-02-28").build().check(), "reportedOn");
    }

    @Test
    void refusesAZeroOrNegativeTotal() {
        assertRefused(() -> order("2026-03-01", "2026-03-10").total(eur("0.00")).build().check(), "orderTotal");
        assertRefused(() -> order("2026-03-01", "2026-03-10").total(eur("-1.00")).build().check(), "orderTotal");
    }

    @Test
    void refusesATotalInAnotherCurrencyThanTheMarketplaces() {
        assertRefused(() -> order("2026-03-01", "2026-03-10").total(jpy("5000")).build().check(), "currency");
        assertRefused(() -> order("2026-03-01", "2026-03-10").marketplace(Marketplace.JP).build().check(), "currency");
        assertThat(order("2026-03-01", "2026-03-10").marketplace(Marketplace.JP).total(jpy("5000")).build().check())
                .isNotNull();
    }

    @Test
    void openingACaseChecksTheFacts() {
        OrderFacts backwards = order("2026-03-10", "2026-03-01").build();

        assertRefused(() -> ClaimCase.open(backwards, noonInParis("2026-03-12")), "maxDeliveryDate");
    }
}
