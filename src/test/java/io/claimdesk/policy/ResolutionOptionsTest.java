package io.claimdesk.policy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.eur;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

/** What the seller can do (R1, R3, R4, R5, R7, R8), in the order the desk recommends. */
class ResolutionOptionsTest {

    // window of this order: opens 2026-03-13, deadline 2026-06-08 (see ClaimWindowTest)
    private static final String ORDERED = "2026-03-01";
    private static final String MAX_DELIVERY = "2026-03-10";
    private static final String BEFORE_OPENING = "2026-03-12";
    private static final String OPENING = "2026-03-13";

    private static List<ResolutionOption> optionsOn(ClaimCase claimCase, String asOf) {
        return ClaimPolicy.evaluate(claimCase, date(asOf)).options();
    }

    private static List<OptionKind> kinds(List<ResolutionOption> options) {
        return options.stream().map(ResolutionOption::kind).toList();
    }

    private static ResolutionOption option(List<ResolutionOption> options, OptionKind kind) {
        return options.stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
    }

    private static List<Message> messages(ResolutionOption option) {
        return option.consequences().stream().map(Statement::message).toList();
    }

    private static ClaimCase lost(boolean tracked, boolean insured) {
        return order(ORDERED, MAX_DELIVERY).shipment(CarrierStatus.LOST_IN_TRANSIT, tracked, insured).open();
    }

    @Nested
    class ContactTheBuyer {

        @Test
        void alwaysComesFirstCitingR1AndR5() {
            for (ClaimCase claimCase : List.of(order(ORDERED, MAX_DELIVERY).open(), lost(true, true),
                    order(ORDERED, MAX_DELIVERY).fulfilment(Fulfilment.MARKETPLACE).open())) {
                for (String asOf : List.of(ORDERED, OPENING, "2026-09-01")) {
                    ResolutionOption first = optionsOn(claimCase, asOf).get(0);
                    assertThat(first.kind()).isEqualTo(OptionKind.CONTACT_BUYER);
                    assertThat(first.rank()).isEqualTo(1);
                    // R12 where the seller answers for a claim: not for an order Amazon fulfilled.
                    assertThat(first.rules()).containsExactlyElementsOf(
                            claimCase.facts().fulfilment() == Fulfilment.MARKETPLACE ? List.of(Rule.R1, Rule.R5)
                                    : List.of(Rule.R1, Rule.R5, Rule.R12));
                }
            }
        }

        @Test
        void warnsThatAClaimStaysPossibleWithTheWindowDates() {
            ResolutionOption contact = optionsOn(order(ORDERED, MAX_DELIVERY).open(), ORDERED).get(0);

            assertThat(contact.consequences()).extracting(Statement::rule).containsExactly(Rule.R1, Rule.R5, Rule.R12);
            Statement r5 = contact.consequences().get(1);
            assertThat(r5.message()).isEqualTo(Message.CLAIM_STILL_POSSIBLE);
            assertThat(r5.args()).containsExactly("2026-03-13", "2026-06-08");
            assertThat(r5.render(Language.EN)).contains("from March 13, 2026 through June 8, 2026; however, Amazon reserves the right"
                    + " to accept claims filed after the deadline.");
            assertThat(r5.render(Language.FR)).contains("du 13 mars 2026 au 8 juin 2026 inclus\u202f; cependant, Amazon se réserve le droit"
                    + " d'accepter des réclamations déposées après ce délai.").contains("réclamation au titre de la Garantie A à Z");
        }

        /** Seed: the buyer has 90 days, "cependant, Amazon se réserve le droit d'accepter des réclamations déposées après ce délai". */
        @Test
        void afterTheDeadlineSaysTheWindowEndedAndThatALateClaimMayStillBeAccepted() {
            ResolutionOption contact = optionsOn(order(ORDERED, MAX_DELIVERY).open(), "2026-06-09").get(0);

            Statement r5 = contact.consequences().get(1);
            assertThat(r5.rule()).isEqualTo(Rule.R5);
            assertThat(r5.message()).isEqualTo(Message.CLAIM_STILL_POSSIBLE_AFTER_DEADLINE);
            assertThat(r5.args()).containsExactly("2026-06-08");
            assertThat(r5.render(Language.FR)).isEqualTo("Si vous choisissez cette option, notez que l'acheteur peut déposer une "
                    + "réclamation au titre de la Garantie A à Z\u00a0: le délai a pris fin le 8 juin 2026\u202f; cependant, Amazon se "
                    + "réserve le droit d'accepter des réclamations déposées après ce délai.");
            assertThat(r5.render(Language.EN)).doesNotContain("March 13, 2026").contains("passed on June 8, 2026");
            assertThat(optionsOn(order(ORDERED, MAX_DELIVERY).open(), "2026-06-08").get(0).consequences().get(1).message())
                    .as("on the deadline itself the window is still open").isEqualTo(Message.CLAIM_STILL_POSSIBLE);
        }
        /** R5 warns that the buyer may file; once the buyer has, the warning says so instead of giving the window as to come. */
        @Test
        void onceAClaimIsFiledSaysItWasFiledAndAwaitsAmazonUntilDecided() {
            ClaimCase filed = order(ORDERED, MAX_DELIVERY).open()
                    .claim(new ClaimCase.ClaimReport(date("2026-03-20"), null, null, null), noonInParis("2026-03-21")).after();

            Statement r5 = optionsOn(filed, "2026-03-22").get(0).consequences().get(1);
            assertThat(r5.rule()).isEqualTo(Rule.R5);
            assertThat(r5.message()).isEqualTo(Message.CLAIM_ALREADY_FILED);
            assertThat(r5.args()).containsExactly("2026-03-20");
            assertThat(r5.render(Language.FR)).isEqualTo("Si vous choisissez cette option, notez que l'acheteur a déjà déposé une "
                    + "réclamation au titre de la Garantie A à Z, le 20 mars 2026 ; elle attend la décision d'Amazon.");
            assertThat(optionsOn(filed, "2026-07-01").get(0).consequences().get(1).message())
                    .as("after the deadline too, while Amazon has not decided").isEqualTo(Message.CLAIM_ALREADY_FILED);

            ClaimCase withdrawn = filed.claim(new ClaimCase.ClaimReport(date("2026-03-20"), null, ClaimOutcome.WITHDRAWN,
                    date("2026-04-01")), noonInParis("2026-04-02")).after();
            assertThat(optionsOn(withdrawn, "2026-04-02").get(0).consequences().get(1).message())
                    .as("a withdrawn claim awaits nothing: the buyer may file again, within the window R5 warns of")
                    .isEqualTo(Message.CLAIM_STILL_POSSIBLE);
        }
    }

    @Nested
    class SellerFulfilled {

        @Test
        void offersBothRefundsAfterContact() {
            List<ResolutionOption> options = optionsOn(order(ORDERED, MAX_DELIVERY).open(), OPENING);

            assertThat(kinds(options)).containsExactly(OptionKind.CONTACT_BUYER, OptionKind.REFUND,
                    OptionKind.REFUND_AND_REORDER);
            assertThat(options).extracting(ResolutionOption::rank).containsExactly(1, 2, 3);
            assertThat(option(options, OptionKind.REFUND).rules()).containsExactly(Rule.R3);
            assertThat(option(options, OptionKind.REFUND_AND_REORDER).rules()).containsExactly(Rule.R7);
        }

        @Test
        void refundSaysWhatIsLeftAndThatALateParcelCanBeChargedWithConsent() {
            ClaimCase claimCase = order(ORDERED, MAX_DELIVERY).open()
                    .refund(RefundRequest.of("rf-1", "30.00", null, false, null, null), noonInParis("2026-03-12")).after();

            ResolutionOption refund = option(optionsOn(claimCase, OPENING), OptionKind.REFUND);

            assertThat(messages(refund)).containsExactly(Message.REFUND_FRIENDLIEST, Message.REFUND_THEN_ARRIVAL);
            assertThat(refund.consequences().get(0).args()).containsExactly(eur("70.00").toString());
            assertThat(refund.consequences()).allSatisfy(s -> assertThat(s.rule()).isEqualTo(Rule.R3));
        }

        @Test
        void reorderSaysToArrangeTheReturnOfALateParcel() {
            ResolutionOption reorder = option(optionsOn(order(ORDERED, MAX_DELIVERY).open(), OPENING),
                    OptionKind.REFUND_AND_REORDER);

            assertThat(messages(reorder)).containsExactly(Message.REORDER_GOOD_SERVICE, Message.REORDER_THEN_ARRIVAL);
            assertThat(reorder.consequences()).allSatisfy(s -> assertThat(s.rule()).isEqualTo(Rule.R7));
        }

        @Test
        void aFullyRefundedOrderHasNoRefundOptionLeft() {
            ClaimCase claimCase = lost(true, false)
                    .refund(RefundRequest.of("rf-1", "full", null, false, null, null), noonInParis("2026-03-12")).after();

            assertThat(kinds(optionsOn(claimCase, OPENING)))
                    .containsExactly(OptionKind.CONTACT_BUYER, OptionKind.CARRIER_ASSISTANCE);
        }
    }

    @Nested
    class FulfilledByTheMarketplace {

        @Test
        void goesThroughTheMarketplaceReturnsProcessOnly() {
            ClaimCase fba = order(ORDERED, MAX_DELIVERY).fulfilment(Fulfilment.MARKETPLACE)
                    .shipment(CarrierStatus.LOST_IN_TRANSIT, true, true).open();

            for (String asOf : List.of(BEFORE_OPENING, OPENING)) {
                List<ResolutionOption> options = optionsOn(fba, asOf);
                assertThat(kinds(options)).containsExactly(OptionKind.CONTACT_BUYER, OptionKind.FBA_PROCESS);
                assertThat(kinds(options)).doesNotContain(OptionKind.REFUND, OptionKind.REFUND_AND_REORDER,
                        OptionKind.CARRIER_ASSISTANCE);
                ResolutionOption fbaProcess = option(options, OptionKind.FBA_PROCESS);
                assertThat(fbaProcess.rank()).isEqualTo(2);
                assertThat(fbaProcess.rules()).containsExactly(Rule.R4);
                assertThat(messages(fbaProcess)).containsExactly(Message.MARKETPLACE_RETURNS);
            }
        }
    }

    @Nested
    class CarrierAssistance {

        @Test
        void onlyWhenLostInTransitOrShippedToAWrongAddress() {
            for (CarrierStatus status : CarrierStatus.values()) {
                ClaimCase claimCase = order(ORDERED, MAX_DELIVERY).shipment(status, true, true).open();
                boolean offered = kinds(optionsOn(claimCase, OPENING)).contains(OptionKind.CARRIER_ASSISTANCE);
                assertThat(offered).as(status.name())
                        .isEqualTo(status == CarrierStatus.LOST_IN_TRANSIT || status == CarrierStatus.WRONG_ADDRESS);
            }
        }

        @Test
        void trackedParcelCanBeLocated() {
            ResolutionOption carrier = option(optionsOn(lost(true, false), OPENING), OptionKind.CARRIER_ASSISTANCE);

            assertThat(carrier.rules()).containsExactly(Rule.R8, Rule.R12);
            assertThat(messages(carrier)).containsExactly(Message.CARRIER_STATUS_LOST, Message.CARRIER_TRACKED,
                    Message.CLAIM_COUNTS_TOWARD_ODR);
            assertThat(carrier.consequences().get(0).args()).containsExactly("Colissimo");
            assertThat(carrier.consequences().subList(0, 2)).allSatisfy(s -> assertThat(s.rule()).isEqualTo(Rule.R8));
        }

        @Test
        void insuredParcelOpensAnInsuranceClaimAndWithoutTrackingTheCarrierMayHaveOtherOptions() {
            // seed: "Si vous n'avez pas obtenu d'informations concernant le suivi, votre transporteur
            // dispose peut-être d'autres options": the missing tracking, not the missing insurance, decides
            ResolutionOption carrier = option(optionsOn(lost(false, true), OPENING), OptionKind.CARRIER_ASSISTANCE);

            assertThat(messages(carrier)).containsExactly(Message.CARRIER_STATUS_LOST, Message.CARRIER_INSURED,
                    Message.CARRIER_OTHER_OPTIONS, Message.CLAIM_COUNTS_TOWARD_ODR);
        }

        @Test
        void trackedAndInsuredParcelGetsBoth() {
            ResolutionOption carrier = option(optionsOn(lost(true, true), OPENING), OptionKind.CARRIER_ASSISTANCE);

            assertThat(messages(carrier)).containsExactly(Message.CARRIER_STATUS_LOST, Message.CARRIER_TRACKED,
                    Message.CARRIER_INSURED, Message.CLAIM_COUNTS_TOWARD_ODR);
        }

        @Test
        void neitherTrackedNorInsuredAsksForOtherOptions() {
            ResolutionOption carrier = option(optionsOn(lost(false, false), OPENING), OptionKind.CARRIER_ASSISTANCE);

            assertThat(messages(carrier)).containsExactly(Message.CARRIER_STATUS_LOST, Message.CARRIER_OTHER_OPTIONS,
                    Message.CLAIM_COUNTS_TOWARD_ODR);
        }

        @Test
        void wrongAddressNamesTheCarrierOrADashWhenUnknown() {
            ClaimCase claimCase = order(ORDERED, MAX_DELIVERY)
                    .shipment(new Shipment(null, true, false, CarrierStatus.WRONG_ADDRESS)).open();

            ResolutionOption carrier = option(optionsOn(claimCase, OPENING), OptionKind.CARRIER_ASSISTANCE);

            assertThat(messages(carrier)).containsExactly(Message.CARRIER_STATUS_WRONG_ADDRESS, Message.CARRIER_TRACKED,
                    Message.CLAIM_COUNTS_TOWARD_ODR);
            assertThat(carrier.consequences().get(0).args()).containsExactly("-");
        }

        @Test
        void beforeTheWindowOpensTheCarrierSearchesFirst() {
            List<ResolutionOption> options = optionsOn(lost(true, false), BEFORE_OPENING);

            assertThat(kinds(options)).containsExactly(OptionKind.CONTACT_BUYER, OptionKind.CARRIER_ASSISTANCE,
                    OptionKind.REFUND, OptionKind.REFUND_AND_REORDER);
            assertThat(options).extracting(ResolutionOption::rank).containsExactly(1, 2, 3, 4);
        }

        @Test
        void fromTheOpeningDayTheRefundComesFirst() {
            for (String asOf : List.of(OPENING, "2026-06-08", "2026-06-09")) {
                List<ResolutionOption> options = optionsOn(lost(true, false), asOf);

                assertThat(kinds(options)).as(asOf).containsExactly(OptionKind.CONTACT_BUYER, OptionKind.REFUND,
                        OptionKind.REFUND_AND_REORDER, OptionKind.CARRIER_ASSISTANCE);
                assertThat(options).extracting(ResolutionOption::rank).containsExactly(1, 2, 3, 4);
            }
        }
    }

    /** R11, R12: what a Buy Shipping label with claims protection, shipped on time, changes; and what it does not. */
    @Nested
    class ClaimsProtection {

        private ClaimCase protectedLost(boolean claimsProtected, boolean shippedOnTime) {
            return order(ORDERED, MAX_DELIVERY).shipment(new Shipment("Colissimo", true, false, CarrierStatus.LOST_IN_TRANSIT,
                    claimsProtected, shippedOnTime)).open();
        }

        @Test
        void withProtectionLeavingTheClaimToAmazonRanksSecondAndEachRefundSaysItIsNotReimbursed() {
            for (String asOf : List.of(BEFORE_OPENING, OPENING)) {
                List<ResolutionOption> options = optionsOn(protectedLost(true, true), asOf);

                assertThat(options.get(0).kind()).isEqualTo(OptionKind.CONTACT_BUYER);
                assertThat(options.get(1).kind()).isEqualTo(OptionKind.LEAVE_CLAIM_TO_AMAZON);
                assertThat(options.get(1).rules()).containsExactly(Rule.R11, Rule.R2);
                assertThat(messages(options.get(1))).containsExactly(Message.CLAIM_FUNDED_BY_AMAZON, Message.FEEDBACK_STAYS_POSSIBLE);
                assertThat(options.get(1).draft()).as("the buyer is contacted").isNotNull();
                for (OptionKind refund : List.of(OptionKind.REFUND, OptionKind.REFUND_AND_REORDER)) {
                    ResolutionOption option = option(options, refund);
                    assertThat(messages(option)).as(asOf).endsWith(Message.REFUND_NOT_REIMBURSED);
                    assertThat(option.rules()).contains(Rule.R11);
                }
                assertThat(options).flatExtracting(ResolutionOption::consequences).extracting(Statement::rule)
                        .as("a claim Amazon funds does not count toward the ODR").doesNotContain(Rule.R12);
            }
        }

        @Test
        void theSeedsSentencesStayAsTheyAre() {
            ResolutionOption refund = option(optionsOn(protectedLost(true, true), OPENING), OptionKind.REFUND);
            assertThat(messages(refund)).startsWith(Message.REFUND_FRIENDLIEST, Message.REFUND_THEN_ARRIVAL);
        }

        @Test
        void withoutBothConditionsNothingChangesButTheOdr() {
            List<ResolutionOption> none = optionsOn(lost(true, false), OPENING);
            for (boolean[] pair : new boolean[][] {{true, false}, {false, true}, {false, false}}) {
                List<ResolutionOption> options = optionsOn(protectedLost(pair[0], pair[1]), OPENING);
                assertThat(kinds(options)).isEqualTo(kinds(none)).doesNotContain(OptionKind.LEAVE_CLAIM_TO_AMAZON);
                assertThat(options).flatExtracting(ResolutionOption::consequences).extracting(Statement::message)
                        .doesNotContain(Message.REFUND_NOT_REIMBURSED).contains(Message.CLAIM_COUNTS_TOWARD_ODR);
            }
        }

        @Test
        void onceTheSellerRefundedProtectionChangesNothingMore() {
            ClaimCase refunded = protectedLost(true, true)
                    .refund(RefundRequest.of("rf-1", "10.00", null, false, null, null), noonInParis("2026-03-12")).after();
            assertThat(kinds(optionsOn(refunded, OPENING))).doesNotContain(OptionKind.LEAVE_CLAIM_TO_AMAZON);
        }

        @Test
        void anOrderAmazonFulfilledNeverCitesTheOdr() {
            ClaimCase fba = order(ORDERED, MAX_DELIVERY).fulfilment(Fulfilment.MARKETPLACE).open();
            assertThat(optionsOn(fba, OPENING)).flatExtracting(ResolutionOption::consequences).extracting(Statement::rule)
                    .doesNotContain(Rule.R11, Rule.R12);
        }

        @Test
        void everyNewSentenceReadsInEveryLanguage() {
            List<ResolutionOption> options = optionsOn(protectedLost(true, true), OPENING);
            for (Language language : Language.values()) {
                assertThat(options).flatExtracting(ResolutionOption::consequences)
                        .allSatisfy(s -> assertThat(s.render(Wording.of(language, Marketplace.FR))).doesNotContain("{", "}", "null"));
            }
        }
    }

    @Nested
    class NoOptions {

        @Test
        void forACaseWhoseBuyerConfirmedReceipt() {
            ClaimCase closed = order(ORDERED, MAX_DELIVERY).open()
                    .arrive(date("2026-03-11"), ArrivalSource.BUYER, noonInParis("2026-03-11")).after();

            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(optionsOn(closed, "2026-03-14")).isEmpty();
        }

        @Test
        void forACaseWhoseClaimAmazonDecided() {
            ClaimCase decided = order(ORDERED, MAX_DELIVERY).open()
                    .claim(new ClaimCase.ClaimReport(date("2026-03-14"), null, ClaimOutcome.DENIED, date("2026-03-20")),
                            noonInParis("2026-03-21")).after();

            assertThat(decided.closeReason()).isEqualTo(CloseReason.CLAIM_DENIED);
            assertThat(optionsOn(decided, "2026-03-21")).isEmpty();
        }
    }

    @Nested
    class WhileTheCaseIsNotSettled {

        @Test
        void aCarrierScanAddsTheProofToTheContactAndOffersToAskTheCarrier() {
            ClaimCase disputed = order(ORDERED, MAX_DELIVERY).open()
                    .arrive(date("2026-03-09"), ArrivalSource.CARRIER, noonInParis("2026-03-11")).after();

            List<ResolutionOption> options = optionsOn(disputed, "2026-03-14");

            assertThat(disputed.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(options).extracting(ResolutionOption::kind).containsExactly(OptionKind.CONTACT_BUYER,
                    OptionKind.REFUND, OptionKind.REFUND_AND_REORDER, OptionKind.CARRIER_ASSISTANCE);
            assertThat(options.get(0).consequences()).extracting(Statement::message).contains(Message.CONTACT_WITH_PROOF);
            assertThat(options.get(3).consequences()).extracting(Statement::message)
                    .containsExactly(Message.CARRIER_PROOF_OF_DELIVERY, Message.CLAIM_COUNTS_TOWARD_ODR);
            assertThat(options.get(3).consequences().get(0).args()).containsExactly("-", "2026-03-09");
        }

        @Test
        void aLateArrivalStillListsWhatCanBeDone() {
            ClaimCase flagged = lost(true, false)
                    .refund(RefundRequest.of("rf-1", "10.00", null, false, null, null), noonInParis("2026-03-12")).after()
                    .arrive(date("2026-03-20"), ArrivalSource.BUYER, noonInParis("2026-03-21")).after();

            assertThat(flagged.status()).isEqualTo(CaseStatus.LATE_ARRIVAL_FLAGGED);
            assertThat(optionsOn(flagged, "2026-03-21")).extracting(ResolutionOption::kind).first().isEqualTo(OptionKind.CONTACT_BUYER);
        }

        @Test
        void aCaseClosedByTheDeadlineStillOffersOptionsForALateClaim() {
            ClaimCase closed = order(ORDERED, MAX_DELIVERY).open().attend(date("2026-06-09"), noonInParis("2026-06-09")).after();

            assertThat(closed.closeReason()).isEqualTo(CloseReason.CLAIM_DEADLINE_PASSED);
            assertThat(optionsOn(closed, "2026-06-10")).extracting(ResolutionOption::kind)
                    .contains(OptionKind.CONTACT_BUYER, OptionKind.REFUND);
        }
    }
}
