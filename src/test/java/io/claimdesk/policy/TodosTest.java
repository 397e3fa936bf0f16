package io.claimdesk.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The to-do list: what a case needs from the seller on a day, and by when (R1, R3, R6, R7, R9, R10). */
class TodosTest {

    // ordered 2026-03-01 (noon, Paris), window opens 2026-03-13, deadline 2026-06-08
    private final ClaimCase opened = order("2026-03-01", "2026-03-10").open();

    private static List<Todos.Kind> kinds(ClaimCase c, String day) {
        return Todos.open(c, date(day)).stream().map(Todos.Todo::kind).toList();
    }

    private static ClaimCase refunded(ClaimCase c, String day) {
        return c.refund(RefundRequest.of("r-" + day, "10.00", null, false, null, null), noonInParis(day)).after();
    }

    private static ClaimCase filed(ClaimCase c, String filedAt, String recordedDay) {
        return c.recordClaim(new ClaimCase.ClaimUpdate(null, Instant.parse(filedAt), null, null, null, null),
                noonInParis(recordedDay), Claim.DEFAULT_RESPONSE_HOURS).after();
    }

    private static ClaimCase setAside(ClaimCase c, String until, String day) {
        return c.setAside(date(until), SetAside.Note.WAITING_FOR_CARRIER, noonInParis(day)).after();
    }

    @Nested
    class AnOpenCase {

        @Test
        void needsAnAnswerToTheBuyerFromTheDayItOpensUntilTheSellerActs() {
            assertThat(kinds(opened, "2026-02-28")).as("before it opened").isEmpty();
            assertThat(Todos.open(opened, date("2026-03-01"))).singleElement().satisfies(t -> {
                assertThat(t.kind()).isEqualTo(Todos.Kind.ANSWER_BUYER);
                assertThat(t.dueOn()).isEqualTo(date("2026-03-01"));
                assertThat(t.dueAt()).isNull();
                assertThat(t.says().rule()).isEqualTo(Rule.R1);
            });
            assertThat(kinds(opened, "2026-03-05")).as("days later, still").containsExactly(Todos.Kind.ANSWER_BUYER);
            assertThat(Todos.listedFrom(opened)).contains(date("2026-03-01"));
        }

        @Test
        void comesBackWhenTheClaimWindowOpensUnlessTheSellerActedSince() {
            ClaimCase answered = refunded(opened, "2026-03-02");
            assertThat(answered.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(kinds(answered, "2026-03-12")).isEmpty();
            assertThat(kinds(answered, "2026-03-13")).containsExactly(Todos.Kind.CLAIM_WINDOW_OPENED);
            assertThat(Todos.listedFrom(answered)).contains(date("2026-03-13"));

            ClaimCase actedAfter = refunded(answered, "2026-03-13");
            assertThat(kinds(actedAfter, "2026-03-13")).isEmpty();
            assertThat(Todos.listedFrom(actedAfter)).isEmpty();
        }

        @Test
        void leavesTheListWhenItsClaimWindowEnds() {
            assertThat(kinds(opened, "2026-06-08")).contains(Todos.Kind.ANSWER_BUYER, Todos.Kind.CLAIM_WINDOW_OPENED);
            assertThat(kinds(opened, "2026-06-09")).isEmpty();
        }
    }

    @Nested
    class AClaim {

        @Test
        void isToBeAnsweredWithin48HoursOfItsFilingAndOnlyTheAnswerToAmazonHandlesIt() {
            ClaimCase claimed = filed(refunded(opened, "2026-03-14"), "2026-03-20T09:30:00Z", "2026-03-20");
            assertThat(Todos.open(claimed, date("2026-03-20"))).first().satisfies(t -> {
                assertThat(t.kind()).isEqualTo(Todos.Kind.ANSWER_CLAIM);
                assertThat(t.dueAt()).isEqualTo(Instant.parse("2026-03-22T09:30:00Z"));
                assertThat(t.dueOn()).isEqualTo(date("2026-03-22"));
                assertThat(t.says().rule()).isEqualTo(Rule.R9);
            });
            ClaimCase refundedAgain = refunded(claimed, "2026-03-21");
            assertThat(kinds(refundedAgain, "2026-03-21")).containsExactly(Todos.Kind.ANSWER_CLAIM);
            ClaimCase asideAnyway = setAside(claimed, "2026-04-01", "2026-03-21");
            assertThat(kinds(asideAnyway, "2026-03-21")).as("a claim to answer is never hidden").containsExactly(Todos.Kind.ANSWER_CLAIM);

            ClaimCase answered = claimed.answerClaim(Instant.parse("2026-03-21T08:15:00Z"), noonInParis("2026-03-21")).after();
            assertThat(kinds(answered, "2026-03-21")).isEmpty();
            assertThat(kinds(answered, "2026-05-01")).isEmpty();
            assertThat(Todos.listedFrom(answered)).isEmpty();
        }

        @Test
        void staysListedPastItsDeadlineUntilAnsweredOrDecided() {
            ClaimCase claimed = filed(opened, "2026-03-20T09:30:00Z", "2026-03-20");
            assertThat(kinds(claimed, "2026-04-15")).contains(Todos.Kind.ANSWER_CLAIM);
            ClaimCase denied = claimed.recordClaim(new ClaimCase.ClaimUpdate(null, null, null, null, ClaimOutcome.DENIED,
                    date("2026-04-15")), noonInParis("2026-04-15"), Claim.DEFAULT_RESPONSE_HOURS).after();
            assertThat(kinds(denied, "2026-04-15")).isEmpty();
        }

        @Test
        void grantedCanBeAppealedThrough30DaysAfterTheDecisionUnlessTheSellerSetsItAside() {
            ClaimCase granted = filed(opened, "2026-03-20T09:30:00Z", "2026-03-20").recordClaim(
                    new ClaimCase.ClaimUpdate(null, null, null, null, ClaimOutcome.GRANTED, date("2026-03-30")),
                    noonInParis("2026-03-30"), Claim.DEFAULT_RESPONSE_HOURS).after();
            assertThat(Todos.open(granted, date("2026-03-30"))).singleElement().satisfies(t -> {
                assertThat(t.kind()).isEqualTo(Todos.Kind.APPEAL);
                assertThat(t.dueOn()).isEqualTo(date("2026-04-29"));
                assertThat(t.says().rule()).isEqualTo(Rule.R10);
            });
            assertThat(kinds(granted, "2026-04-29")).containsExactly(Todos.Kind.APPEAL);
            assertThat(kinds(granted, "2026-04-30")).isEmpty();

            ClaimCase dismissed = setAside(granted, "2026-04-05", "2026-03-31");
            assertThat(kinds(dismissed, "2026-03-31")).isEmpty();
            assertThat(kinds(dismissed, "2026-04-05")).as("a closed case set aside does not come back").isEmpty();
            assertThat(Todos.listedFrom(dismissed)).isEmpty();
        }
    }

    @Test
    void aSetAsideBeforeTheGrantOfTheSameDayDoesNotDismissTheAppeal() {
        ClaimCase aside = setAside(filed(opened, "2026-03-20T09:30:00Z", "2026-03-20"), "2026-03-25", "2026-03-21");
        ClaimCase granted = aside.recordClaim(new ClaimCase.ClaimUpdate(null, null, null, null, ClaimOutcome.GRANTED,
                date("2026-03-21")), new Stamp(noonInParis("2026-03-21").at().plusSeconds(60), "test"),
                Claim.DEFAULT_RESPONSE_HOURS).after();
        assertThat(kinds(granted, "2026-03-21")).containsExactly(Todos.Kind.APPEAL);
        assertThat(Todos.listedFrom(granted)).contains(date("2026-03-21"));
    }

    @Nested
    class SettingAside {

        @Test
        void hidesTheCaseUntilItsDayThenListsItsEnd() {
            ClaimCase aside = setAside(opened, "2026-03-20", "2026-03-02");
            assertThat(kinds(aside, "2026-03-02")).isEmpty();
            assertThat(kinds(aside, "2026-03-13")).as("the window opening waits for the set-aside").isEmpty();
            assertThat(Todos.listedFrom(aside)).contains(date("2026-03-20"));
            // Setting aside answered the buyer; the window opened meanwhile, and is due first.
            assertThat(Todos.open(aside, date("2026-03-20"))).extracting(Todos.Todo::kind, Todos.Todo::dueOn).containsExactly(
                    tuple(Todos.Kind.CLAIM_WINDOW_OPENED, date("2026-03-13")),
                    tuple(Todos.Kind.SET_ASIDE_ENDED, date("2026-03-20")));
        }

        @Test
        void neverHidesAnOpenCasePastItsClaimDeadline() {
            ClaimCase aside = setAside(opened, "2026-06-20", "2026-05-25");
            assertThat(kinds(aside, "2026-06-07")).isEmpty();
            assertThat(Todos.listedFrom(aside)).contains(date("2026-06-08"));
            assertThat(kinds(aside, "2026-06-08")).contains(Todos.Kind.SET_ASIDE_ENDED);
        }

        @Test
        void anyLaterActionEndsIt() {
            ClaimCase aside = setAside(opened, "2026-03-20", "2026-03-02");
            ClaimCase refunded = refunded(aside, "2026-03-05");
            assertThat(kinds(refunded, "2026-03-12")).isEmpty();
            // What came after the refund is back on its own day: the window opening, not the set-aside's end.
            assertThat(kinds(refunded, "2026-03-13")).containsExactly(Todos.Kind.CLAIM_WINDOW_OPENED);
            assertThat(kinds(refunded, "2026-03-20")).containsExactly(Todos.Kind.CLAIM_WINDOW_OPENED);
        }
    }

    @Nested
    class ALateArrival {

        @Test
        void needsAFollowUpAWeekAfterItWasReportedUntilSettledOrExpired() {
            ClaimCase arrived = refunded(opened, "2026-03-11").arrive(date("2026-03-14"), ArrivalSource.BUYER,
                    noonInParis("2026-03-15")).after();
            assertThat(arrived.status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
            assertThat(kinds(arrived, "2026-03-21")).isEmpty();
            assertThat(Todos.open(arrived, date("2026-03-22"))).singleElement().satisfies(t -> {
                assertThat(t.kind()).isEqualTo(Todos.Kind.FOLLOW_UP_LATE_ARRIVAL);
                assertThat(t.dueOn()).isEqualTo(date("2026-03-22"));
                assertThat(t.says().rule()).isIn(Rule.R3, Rule.R7);
            });
            // The sweep closes it unsettled 30 days after the report: listed through the day before.
            assertThat(kinds(arrived, "2026-04-13")).containsExactly(Todos.Kind.FOLLOW_UP_LATE_ARRIVAL);
            assertThat(kinds(arrived, "2026-04-14")).isEmpty();
        }
    }

    @Nested
    class ACancelledOrder {

        /** Amazon's ORDER_CHANGE saying the order is cancelled, at this instant. */
        private ClaimCase cancelled(ClaimCase c, String at) {
            Instant when = Instant.parse(at);
            return c.orderChanged(new OrderChange(when, Marketplace.FR, OrderChange.Status.CANCELED, null, null, false),
                    new Stamp(when.plusSeconds(60), "spapiNotifications")).after();
        }

        @Test
        void isListedFromTheDayAmazonReportedItUntilTheSellerActsAndTheCaseStaysAsItWas() {
            ClaimCase answered = refunded(opened, "2026-03-03");
            ClaimCase c = cancelled(answered, "2026-03-05T09:00:00Z");

            assertThat(c.status()).as("not closed on its own (R1)").isEqualTo(CaseStatus.OPEN);
            assertThat(kinds(c, "2026-03-04")).isEmpty();
            assertThat(Todos.open(c, date("2026-03-05"))).singleElement().satisfies(t -> {
                assertThat(t.kind()).isEqualTo(Todos.Kind.CHECK_CANCELLED_ORDER);
                assertThat(t.listedOn()).isEqualTo(date("2026-03-05"));
                assertThat(t.dueOn()).isEqualTo(date("2026-03-05"));
                assertThat(t.says().rule()).isEqualTo(Rule.R1);
                assertThat(t.says().render(Language.EN)).startsWith("Amazon reported the order as canceled on March 5, 2026");
                assertThat(t.says().render(Wording.of(Language.EN, Marketplace.UK)))
                        .startsWith("Amazon reported the order as cancelled on 5 March 2026");
            });
            assertThat(kinds(c, "2026-03-10")).as("days later, still").containsExactly(Todos.Kind.CHECK_CANCELLED_ORDER);
            assertThat(Todos.listedFrom(c)).contains(date("2026-03-05"));

            ClaimCase acted = setAside(c, "2026-03-12", "2026-03-06");
            assertThat(kinds(acted, "2026-03-06")).isEmpty();
            assertThat(kinds(refunded(c, "2026-03-06"), "2026-03-06")).isEmpty();
        }

        @Test
        void reportedAfterTheSellerActedThatSameDayIsStillToCheck() {
            ClaimCase actedAtNoon = refunded(opened, "2026-03-05");
            ClaimCase c = cancelled(actedAtNoon, "2026-03-05T15:00:00Z");

            assertThat(kinds(c, "2026-03-05")).containsExactly(Todos.Kind.CHECK_CANCELLED_ORDER);
        }

        @Test
        void comesFirstAmongWhatIsDueTheSameDayAfterAClaimToAnswer() {
            ClaimCase c = cancelled(opened, "2026-03-01T13:00:00Z");

            assertThat(kinds(c, "2026-03-01")).containsExactly(Todos.Kind.CHECK_CANCELLED_ORDER, Todos.Kind.ANSWER_BUYER);
            assertThat(Todos.Kind.values()).startsWith(Todos.Kind.ANSWER_CLAIM, Todos.Kind.CHECK_CANCELLED_ORDER);
        }

        @Test
        void isReportedOnceWhateverAmazonSaysAgain() {
            ClaimCase c = cancelled(opened, "2026-03-05T09:00:00Z");
            ClaimCase again = cancelled(c, "2026-03-07T09:00:00Z");

            assertThat(again.notices().cancelledOn()).isEqualTo(date("2026-03-05"));
            assertThat(again.history()).hasSameSizeAs(c.history());
        }
    }

    /**
     * R9 across each marketplace's change to summer time: a claim known by its day alone counts from the start of that
     * day, so 48 hours later is on the wall clock an hour later where the clocks went forward in between.
     */
    @ParameterizedTest(name = "{0}: filed on {1}")
    @CsvSource({
            "FR, 2026-03-29, 2026-03-31T01:00",
            "DE, 2026-03-28, 2026-03-30T01:00",
            "UK, 2026-03-29, 2026-03-31T01:00",
            "US, 2026-03-08, 2026-03-10T01:00",
            "US, 2026-03-10, 2026-03-12T00:00",
            "JP, 2026-03-29, 2026-03-31T00:00"})
    void aClaimFiledOnADayIsDue48HoursAfterItsStart(Marketplace marketplace, String filedOn, String dueLocal) {
        OrderFacts facts = order("2026-03-01", "2026-03-10").marketplace(marketplace)
                .total(Money.parse("total", "100", marketplace.currency())).build();
        ClaimCase c = Orders.opened(facts);
        ClaimCase claimed = c.claim(new ClaimCase.ClaimReport(date(filedOn), null, null, null),
                Orders.noonOn(date(filedOn), marketplace)).after();

        Instant due = ZonedDateTime.of(LocalDateTime.parse(dueLocal), marketplace.zone()).toInstant();
        Instant start = date(filedOn).atStartOfDay(marketplace.zone()).toInstant();
        assertThat(claimed.claim().respondBy(marketplace.zone())).isEqualTo(due).isEqualTo(start.plusSeconds(48 * 3600));
        assertThat(Todos.open(claimed, date(filedOn))).filteredOn(t -> t.kind() == Todos.Kind.ANSWER_CLAIM).singleElement()
                .satisfies(t -> {
                    assertThat(t.dueAt()).isEqualTo(due);
                    assertThat(t.dueOn()).isEqualTo(LocalDate.parse(dueLocal.substring(0, 10)));
                });
    }
}
