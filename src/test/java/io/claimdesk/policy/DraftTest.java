package io.claimdesk.policy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static io.claimdesk.policy.Orders.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Drafts to the buyer: in the marketplace's language, with the case's id, dates and amounts, signed by the seller. */
class DraftTest {

    // window: opens 2026-03-13, deadline 2026-06-08
    private final ClaimCase open = order("2026-03-01", "2026-03-10").orderId("171-5550123-7654321").open();

    private static ClaimCase refunded(ClaimCase c, String id, String amount, boolean reorder, String on) {
        return c.refund(RefundRequest.of(id, amount, null, reorder, null, date(on)), noonInParis(on)).after();
    }

    private static ResolutionOption option(ClaimCase c, OptionKind kind) {
        return ClaimPolicy.evaluate(c, date("2026-03-14")).options().stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void contactingTheBuyerNamesTheOrderAndItsLatestDeliveryDate() {
        Draft draft = option(open, OptionKind.CONTACT_BUYER).draft();

        assertThat(draft.purpose()).isEqualTo(Draft.Purpose.CONTACT_BUYER);
        assertThat(draft.rule()).isEqualTo(Rule.R1);
        assertThat(draft.language()).isEqualTo(Language.FR);
        assertThat(draft.text()).isEqualTo("""
                Bonjour,
                Vous nous indiquez ne pas avoir reçu votre commande 171-5550123-7654321, dont la livraison était prévue au plus \
                tard le 10 mars 2026. Nous en sommes désolés. Pourriez-vous nous dire si elle vous est parvenue depuis\u202f? Nous \
                souhaitons trouver avec vous une solution qui convienne à chacun.
                Cordialement,
                [Votre nom de vendeur]""");
    }

    @Test
    void afterACarrierScanTheContactDraftGivesItsDate() {
        ClaimCase scanned = open.arrive(date("2026-03-09"), ArrivalSource.CARRIER, noonInParis("2026-03-11")).after();

        Draft draft = option(scanned, OptionKind.CONTACT_BUYER).draft();
        assertThat(draft.message()).isEqualTo(Message.DRAFT_CONTACT_BUYER_SCAN);
        assertThat(draft.text()).contains("Selon le transporteur, elle a été livrée le 9 mars 2026.");
    }

    @Test
    void aServiceIsAskedAboutItsServiceNotADelivery() {
        ClaimCase c = service("2026-03-01", "2026-03-10").open();

        Draft draft = option(c, OptionKind.CONTACT_BUYER).draft();
        assertThat(draft.message()).isEqualTo(Message.DRAFT_CONTACT_BUYER_SERVICE);
        assertThat(draft.text()).contains("la prestation de votre commande").contains("prévue le 10 mars 2026")
                .doesNotContain("livraison").doesNotContain("colis");
    }

    @Test
    void refundDraftsTellWhatIsLeftAndOnlyTheReorderAsksToOrderAgain() {
        ClaimCase partly = refunded(open, "rf-1", "20.00", false, "2026-03-14");

        Draft refund = option(partly, OptionKind.REFUND).draft();
        Draft reorder = option(partly, OptionKind.REFUND_AND_REORDER).draft();
        assertThat(refund.purpose()).isEqualTo(Draft.Purpose.REFUND_DONE);
        assertThat(refund.text()).contains("Nous vous avons remboursé 80,00\u00a0€.").doesNotContain("nouvelle commande");
        assertThat(reorder.purpose()).isEqualTo(Draft.Purpose.REFUND_DONE_REORDER);
        assertThat(reorder.rule()).isEqualTo(Rule.R7);
        assertThat(reorder.text()).contains("80,00\u00a0€ et vous invitons à passer une nouvelle commande")
                .contains("afin que nous organisions son retour avec vous");
    }

    @Test
    void aRecordedRefundIsDraftedWithItsOwnAmountUnlessTheBuyerSaidTheOrderArrived() {
        ClaimCase.RefundTransition t = open.refund(RefundRequest.of("rf-1", "20.00", null, true, null, date("2026-03-15")),
                noonInParis("2026-03-15"));

        Draft draft = Draft.afterRefund(t.after(), t.refund()).orElseThrow();
        assertThat(draft.purpose()).isEqualTo(Draft.Purpose.REFUND_DONE_REORDER);
        assertThat(draft.text()).contains("Nous vous avons remboursé 20,00\u00a0€ et vous invitons");

        ClaimCase received = open.arrive(date("2026-03-12"), ArrivalSource.BUYER, noonInParis("2026-03-12")).after();
        ClaimCase.RefundTransition late = received.refund(RefundRequest.of("rf-2", "10.00", null, false, null, date("2026-03-15")),
                noonInParis("2026-03-15"));
        assertThat(Draft.afterRefund(late.after(), late.refund())).isEmpty();
    }

    @Test
    void aLateArrivalAfterAPlainRefundAsksConsentToAmazonsRecharge() {
        ClaimCase arrived = refunded(open, "rf-1", "20.00", false, "2026-03-15")
                .arrive(date("2026-03-20"), ArrivalSource.SELLER, noonInParis("2026-03-20")).after();

        List<Draft> drafts = Draft.afterArrival(arrived);
        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.purpose()).isEqualTo(Draft.Purpose.ASK_CONSENT_TO_CHARGE);
            assertThat(d.rule()).isEqualTo(Rule.R3);
            assertThat(d.text()).isEqualTo("""
                    Bonjour,
                    Votre commande 171-5550123-7654321 a finalement été livrée le 20 mars 2026, après que nous vous avons \
                    remboursé 20,00\u00a0€. Avec votre consentement, Amazon peut vous refacturer cette commande. Pourriez-vous \
                    nous dire si vous l'acceptez\u202f?
                    Cordialement,
                    [Votre nom de vendeur]""");
        });

        ClaimCase consented = arrived.followUp(FollowUp.CONSENT_GIVEN, null, noonInParis("2026-03-21")).after();
        assertThat(Draft.afterArrival(consented)).isEmpty();
    }

    @Test
    void aLateArrivalAfterBothKindsOfRefundAsksConsentForThePlainOneAndArrangesTheReturn() {
        ClaimCase both = refunded(refunded(open, "rf-1", "20.00", false, "2026-03-15"), "rf-2", "10.00", true, "2026-03-16")
                .arrive(date("2026-03-20"), ArrivalSource.SELLER, noonInParis("2026-03-20")).after();

        List<Draft> drafts = Draft.afterArrival(both);
        assertThat(drafts).extracting(Draft::purpose).containsExactly(Draft.Purpose.ASK_CONSENT_TO_CHARGE, Draft.Purpose.ARRANGE_RETURN);
        assertThat(drafts.get(0).text()).contains("remboursé 20,00\u00a0€");
        assertThat(drafts.get(1).text()).contains("Votre commande d'origine 171-5550123-7654321 a finalement été livrée le 20 mars 2026")
                .contains("organiser son retour avec vous");

        ClaimCase returned = both.followUp(FollowUp.RETURN_RECEIVED, null, noonInParis("2026-03-25")).after();
        assertThat(Draft.afterArrival(returned)).extracting(Draft::purpose).containsExactly(Draft.Purpose.ASK_CONSENT_TO_CHARGE);
        assertThat(Draft.afterArrival(open)).isEmpty();
    }

    @Test
    void aDraftIsWrittenInTheMarketplacesLanguageAndFormats() {
        ClaimCase japanese = order("2026-03-01", "2026-03-10").orderId("250-1234567-8901234").marketplace(Marketplace.JP)
                .total(Orders.jpy("5990")).open();

        Draft draft = option(japanese, OptionKind.REFUND).draft();
        assertThat(draft.language()).isEqualTo(Language.JA);
        assertThat(draft.text()).startsWith("お客様\n").contains("￥5,990を返金いたしました").endsWith("\n[出品者名]");
    }

    /** German: "nach der Erstattung", since the refund may have been partial; never "the purchase price" refunded. */
    @Test
    void theGermanReturnDraftDoesNotSayTheWholePriceWasRefunded() {
        ClaimCase german = order("2026-03-01", "2026-03-10").orderId("302-1234567-7654321").marketplace(Marketplace.DE).open();
        ClaimCase arrived = refunded(german, "rf-1", "20.00", true, "2026-03-15")
                .arrive(date("2026-03-20"), ArrivalSource.SELLER, noonInParis("2026-03-20")).after();

        Draft draft = Draft.afterArrival(arrived).get(0);
        assertThat(draft.purpose()).isEqualTo(Draft.Purpose.ARRANGE_RETURN);
        assertThat(draft.text()).contains("ist am 20. März 2026 nach der Erstattung doch noch zugestellt worden.")
                .doesNotContain("Kaufpreis");
    }

    @Test
    void eachLanguageOpensItsDraftsAsItsBuyersExpect() {
        for (Message message : Message.values()) {
            if (message.use() != Message.Use.DRAFT) {
                continue;
            }
            assertThat(message.pattern(Language.JA)).as("%s", message).startsWith("お客様\nこの度はご注文いただき、誠にありがとうございます。\n");
            assertThat(message.pattern(Language.ES)).as("%s", message).startsWith("Estimado/a cliente:\n");
        }
        assertThat(Message.DRAFT_ASK_CONSENT.pattern(Language.JA)).contains("ご同意いただけましたら、Amazonより改めてご請求することが可能です");
        assertThat(Message.DRAFT_CONTACT_BUYER_SCAN.pattern(Language.FR))
                .contains("si vous avez pu la retrouver (boîte aux lettres, voisins, point relais)");
        assertThat(Message.DRAFT_CONTACT_BUYER_SERVICE.pattern(Language.FR)).contains("ne pas avoir bénéficié de la prestation");
        assertThat(Message.DRAFT_CONTACT_BUYER_SERVICE.pattern(Language.EN)).contains("did not receive the service you ordered");
        assertThat(Message.DRAFT_CONTACT_BUYER.pattern(Language.EN)).contains("whether it has arrived since then?");
    }

    @Test
    void onlyADraftMessageMakesADraft() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Draft(Draft.Purpose.CONTACT_BUYER, Rule.R1, Marketplace.FR,
                Message.OWN_POLICY_DECIDES, List.of()));
    }
}
