package io.claimdesk.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Test data: orders, money and stamps, written out by hand so every test states its own dates. */
final class Orders {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");

    private Orders() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static Money eur(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }

    static Money jpy(String amount) {
        return new Money(new BigDecimal(amount), JPY);
    }

    /** Noon on {@code day} in the marketplace's zone: far from midnight, so "today" is {@code day}. */
    static Stamp noonOn(LocalDate day, Marketplace marketplace) {
        return new Stamp(day.atTime(LocalTime.NOON).atZone(marketplace.zone()).toInstant(), "test");
    }

    static Stamp noonInParis(String isoDay) {
        return noonOn(date(isoDay), Marketplace.FR);
    }

    static Stamp at(String instant) {
        return new Stamp(Instant.parse(instant), "test");
    }

    /** A seller-fulfilled French order of 100.00 EUR with no carrier information. */
    static Builder order(String orderDate, String maxDeliveryDate) {
        return new Builder().orderDate(date(orderDate)).maxDeliveryDate(date(maxDeliveryDate));
    }

    /** A French order for a service performed on {@code serviceDate}. */
    static Builder service(String orderDate, String serviceDate) {
        return new Builder().orderDate(date(orderDate)).serviceDate(date(serviceDate));
    }

    static ClaimCase opened(OrderFacts facts) {
        return ClaimCase.open(facts, noonOn(facts.orderDate(), facts.marketplace())).after();
    }

    /** Asserts that a statement has exactly as many arguments as its sentence has placeholders, and reads well, in every language. */
    static void assertWellFormed(Statement statement) {
        for (Language language : Language.values()) {
            assertThat(placeholders(statement.message().pattern(language)))
                    .as("placeholders of %s in %s", statement.message(), language)
                    .isEqualTo(statement.args().size());
            String rendered = statement.render(language);
            assertThat(rendered).doesNotContain("{");
            ReadableText.assertReadable(rendered, statement.message() + " in " + language);
        }
        assertThat(statement.rule()).isNotNull();
        assertThat(statement.render(Language.FR)).isNotEqualTo(statement.render(Language.EN));
    }

    /** The arguments a text names, {@code {name}} in lower camel case, each time it names one. */
    static int placeholders(String pattern) {
        Matcher m = Pattern.compile("\\{[a-z][A-Za-z]*}").matcher(pattern);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static final class Builder {
        private String orderId = "171-0000000-0000001";
        private Marketplace marketplace = Marketplace.FR;
        private Fulfilment fulfilment = Fulfilment.SELLER;
        private LocalDate orderDate;
        private LocalDate maxDeliveryDate;
        private LocalDate serviceDate;
        private Money total = eur("100.00");
        private Shipment shipment = Shipment.none();
        private LocalDate reportedOn;

        Builder orderId(String id) {
            this.orderId = id;
            return this;
        }

        Builder marketplace(Marketplace m) {
            this.marketplace = m;
            return this;
        }

        Builder fulfilment(Fulfilment f) {
            this.fulfilment = f;
            return this;
        }

        Builder orderDate(LocalDate d) {
            this.orderDate = d;
            return this;
        }

        Builder maxDeliveryDate(LocalDate d) {
            this.maxDeliveryDate = d;
            return this;
        }

        Builder serviceDate(LocalDate d) {
            this.serviceDate = d;
            return this;
        }

        Builder total(Money m) {
            this.total = m;
            return this;
        }

        Builder shipment(Shipment s) {
            this.shipment = s;
            return this;
        }

        Builder shipment(CarrierStatus status, boolean tracked, boolean insured) {
            return shipment(new Shipment("Colissimo", tracked, insured, status));
        }

        Builder reportedOn(String d) {
            this.reportedOn = date(d);
            return this;
        }

        OrderFacts build() {
            return new OrderFacts(orderId, marketplace, fulfilment, orderDate, maxDeliveryDate, serviceDate, total,
                    shipment, reportedOn);
        }

        ClaimCase open() {
            return opened(build());
        }
    }
}
