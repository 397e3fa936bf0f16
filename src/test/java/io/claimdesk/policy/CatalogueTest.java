package io.claimdesk.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Reading the files of texts: once per variant, and a broken file refused with what is wrong (the broken files are
 * test resources, overlays of {@code messages_fr.properties}).
 */
class CatalogueTest {

    @Test
    void eachVariantIsReadOnceAndKept() {
        assertThat(Catalogue.of(Language.FR)).isSameAs(Catalogue.of(Wording.of(Language.FR, Marketplace.UK)));
        assertThat(Catalogue.of(Wording.of(Language.EN, Marketplace.UK))).isSameAs(Catalogue.of(Wording.of(Language.EN, Marketplace.DE)))
                .isNotSameAs(Catalogue.of(Language.EN));
    }

    @Test
    void aTemplateIsCutOnceAndKept() {
        Catalogue french = Catalogue.read("fr");
        assertThat(french.template(Message.WINDOW_OPEN)).isSameAs(french.template(Message.WINDOW_OPEN));
    }

    @Test
    void aRegionalFileChangesOnlyWhatItHolds() {
        Catalogue british = Catalogue.of(Wording.of(Language.EN, Marketplace.UK));
        Catalogue american = Catalogue.of(Language.EN);
        assertThat(british.template(Message.CLAIM_STILL_POSSIBLE).text()).isNotEqualTo(american.template(Message.CLAIM_STILL_POSSIBLE).text());
        assertThat(british.template(Message.WINDOW_OPEN).text()).isEqualTo(american.template(Message.WINDOW_OPEN).text());
        assertThat(british.term(Glossary.A_TO_Z_CLAIM)).isEqualTo(american.term(Glossary.A_TO_Z_CLAIM));
    }

    @Test
    void aBrokenFileIsRefusedWithWhatIsWrong() {
        assertThatIllegalStateException().isThrownBy(() -> Catalogue.read("fr_XA"))
                .withMessage("messages_fr_XA.properties has NO_SUCH_MESSAGE, which messages_fr.properties lacks");
        assertThatIllegalStateException().isThrownBy(() -> Catalogue.read("fr_XB").template(Message.WINDOW_OPENED))
                .withMessage("messages_fr_XB.properties: WINDOW_OPENED has no argument {deadline}");
        assertThatIllegalStateException().isThrownBy(() -> Catalogue.read("fr_XC"))
                .withMessage("messages_fr_XC.properties has no text for WINDOW_OPENED");
        assertThatIllegalStateException().isThrownBy(() -> Catalogue.read("fr_XD"))
                .withMessage("messages_fr_XD.properties is missing");
        assertThatIllegalStateException().isThrownBy(() -> Catalogue.read("xx"))
                .withMessage("no language xx");
    }
}
