package io.claimdesk.policy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.eur;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each reader writes dates and amounts on each marketplace: the examples the review gave, written here by
 * hand, and the 42 pairs as docs/languages.md lists them (a test keeps the two equal).
 */
class WordingTest {

    private static String money(Language language, Marketplace marketplace, String amount) {
        return Wording.of(language, marketplace).money(new BigDecimal(amount), marketplace.currency());
    }

    /** No-break spaces as plain ones: the reader sees a space either way; the French test below checks which. */
    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void aReaderWhoseLanguageIsNotTheMarketplacesReadsTheSymbolNativesWrite() {
        assertThat(spaced(money(Language.ES, Marketplace.UK, "59.90"))).isEqualTo("59,90 £");
        assertThat(spaced(money(Language.FR, Marketplace.UK, "59.90"))).isEqualTo("59,90 £");
        assertThat(spaced(money(Language.IT, Marketplace.UK, "59.90"))).isEqualTo("59,90 £");
        assertThat(spaced(money(Language.FR, Marketplace.US, "59.90"))).isEqualTo("59,90 $ US");
        assertThat(spaced(money(Language.IT, Marketplace.US, "59.90"))).isEqualTo("59,90 $");
        assertThat(spaced(money(Language.DE, Marketplace.US, "59.90"))).isEqualTo("59,90 $");
        assertThat(spaced(money(Language.FR, Marketplace.JP, "5990"))).isEqualTo("5 990 ¥");
        assertThat(spaced(money(Language.ES, Marketplace.JP, "5990"))).isEqualTo("5.990 ¥");
        assertThat(spaced(money(Language.IT, Marketplace.JP, "5990"))).isEqualTo("5.990 ¥");
        assertThat(money(Language.JA, Marketplace.JP, "5990")).isEqualTo("￥5,990");
    }

    @Test
    void englishFollowsTheMarketplaceBritishInEuropeAmericanInTheUs() {
        for (Marketplace europe : List.of(Marketplace.FR, Marketplace.DE, Marketplace.ES, Marketplace.IT)) {
            Wording english = Wording.of(Language.EN, europe);
            assertThat(english.date(date("2026-03-01"))).as("%s", europe).isEqualTo("1 March 2026");
            assertThat(english.money(new BigDecimal("59.90"), europe.currency())).as("%s", europe).isEqualTo("€59.90");
        }
        assertThat(Wording.of(Language.EN, Marketplace.UK).date(date("2026-03-01"))).isEqualTo("1 March 2026");
        assertThat(money(Language.EN, Marketplace.UK, "1234.50")).isEqualTo("£1,234.50");
        assertThat(Wording.of(Language.EN, Marketplace.US).date(date("2026-03-01"))).isEqualTo("March 1, 2026");
        assertThat(money(Language.EN, Marketplace.US, "59.90")).isEqualTo("$59.90");
        assertThat(money(Language.EN, Marketplace.JP, "5990")).isEqualTo("¥5,990");
        assertThat(Wording.of(Language.EN).marketplace()).isEqualTo(Marketplace.US);
    }

    @Test
    void frenchWritesTheFirstOfTheMonth1erAndItalian1º() {
        for (Marketplace marketplace : Marketplace.values()) {
            assertThat(Wording.of(Language.FR, marketplace).date(date("2026-04-01"))).isEqualTo("1er avril 2026");
            assertThat(Wording.of(Language.IT, marketplace).date(date("2026-04-01"))).isEqualTo("1º aprile 2026");
        }
        assertThat(Wording.of(Language.FR).date(date("2026-04-02"))).isEqualTo("2 avril 2026");
        assertThat(Wording.of(Language.FR).date(date("2026-04-21"))).isEqualTo("21 avril 2026");
        assertThat(Wording.of(Language.IT).date(date("2026-04-11"))).isEqualTo("11 aprile 2026");
        assertThat(Wording.of(Language.ES).date(date("2026-04-01"))).isEqualTo("1 de abril de 2026");
        assertThat(Wording.of(Language.DE).date(date("2026-04-01"))).isEqualTo("1. April 2026");
    }

    @Test
    void frenchPutsANoBreakSpaceBeforeAColonAndANarrowOneBeforeSemicolonsAndQuestionMarks() {
        String text = Statement.of(Rule.R3, Message.REFUND_AND_REORDER_RECORDED, "rf-1", eur("20.00")).render(Language.FR);
        assertThat(text).isEqualTo("Remboursement enregistré (réf. rf-1)\u00a0: 20,00\u00a0€\u202f; l'acheteur est invité à recommander le produit.");
        assertThat(Typography.french("Vraiment ? Oui ! Non : si ; là")).isEqualTo("Vraiment\u202f? Oui\u202f! Non\u00a0: si\u202f; là");
        assertThat(Statement.of(Rule.R3, Message.REFUND_AND_REORDER_RECORDED, "rf-1", eur("20.00")).render(Language.EN))
                .contains("): €20.00; the");
    }

    @Test
    void italianElidesTheArticleBeforeTheEighthAndTheEleventh() {
        Wording italian = Wording.of(Language.IT, Marketplace.IT);
        assertThat(Message.CLAIM_STILL_POSSIBLE.render(italian, List.of("2026-03-13", "2026-06-08")))
                .contains("dal 13 marzo 2026 all'8 giugno 2026 incluso");
        assertThat(Message.CLAIM_STILL_POSSIBLE.render(italian, List.of("2026-05-11", "2026-08-09")))
                .contains("dall'11 maggio 2026 al 9 agosto 2026 incluso");
        assertThat(Message.CLAIM_GRANTED.render(italian, List.of("2026-06-08"))).isEqualTo("Amazon ha accolto il reclamo l'8 giugno 2026.");
        assertThat(Message.CLAIM_RESPONSE_DUE.render(italian, List.of("2026-06-08"))).startsWith("L'8 giugno 2026 è stato presentato");
        assertThat(Message.CLAIM_RESPONSE_DUE.render(italian, List.of("2026-06-01"))).startsWith("Il 1º giugno 2026 è stato presentato");
        assertThat(Message.WINDOW_OPEN.render(italian, List.of("2026-03-08", "2026-06-11", "95")))
                .startsWith("All'8 marzo 2026, l'acquirente può presentare un reclamo fino all'11 giugno 2026 incluso");
        StringBuilder other = new StringBuilder("per ");
        Typography.elideBeforeDay(other, "8 giugno 2026");
        assertThat(other).hasToString("per ");
    }

    @Test
    void britishEnglishHasItsOwnTextsWhereItSaysThingsOtherwise() {
        List<String> window = List.of("2026-03-13", "2026-06-08");
        assertThat(Message.CLAIM_STILL_POSSIBLE.render(Wording.of(Language.EN, Marketplace.UK), window))
                .contains("from 13 March 2026 to 8 June 2026 inclusive;");
        assertThat(Message.CLAIM_STILL_POSSIBLE.render(Wording.of(Language.EN, Marketplace.DE), window))
                .contains("from 13 March 2026 to 8 June 2026 inclusive;");
        assertThat(Message.CLAIM_STILL_POSSIBLE.render(Wording.of(Language.EN, Marketplace.US), window))
                .contains("from March 13, 2026 through June 8, 2026;");
        assertThat(Wording.of(Language.EN, Marketplace.UK).texts()).isEqualTo("en_GB");
        assertThat(Wording.of(Language.EN, Marketplace.JP).texts()).isEqualTo("en");
        assertThat(Wording.of(Language.FR, Marketplace.UK).texts()).isEqualTo("fr");
    }

    /** docs/languages.md: one row per pair, its locale, and how it writes 1 March 2026, 59.90 (5990 in yen) and a larger amount. */
    @Test
    void theDocsListEveryPairAsTheDeskWritesIt() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs/languages.md"))) {
            String[] cells = line.split("\\|", -1);
            if (cells.length >= 9 && Language.ofCode(cells[1].strip()).isPresent() && Marketplace.ofCode(cells[2].strip()).isPresent()) {
                rows.add(cells);
            }
        }
        assertThat(rows).hasSize(42);
        List<String> seen = new ArrayList<>();
        for (String[] cells : rows) {
            Language language = Language.ofCode(cells[1].strip()).orElseThrow();
            Marketplace marketplace = Marketplace.ofCode(cells[2].strip()).orElseThrow();
            Wording wording = Wording.of(language, marketplace);
            boolean yen = marketplace == Marketplace.JP;
            String what = language + " on " + marketplace;
            seen.add(what);
            assertThat(cells[3].strip()).as(what).isEqualTo("`" + wording.locale().toLanguageTag() + "`");
            assertThat(cells[4].strip()).as(what).isEqualTo(wording.date(date("2026-03-01")));
            assertThat(cells[5].strip()).as(what).isEqualTo(spaced(wording.money(new BigDecimal(yen ? "5990" : "59.90"), marketplace.currency())));
            assertThat(cells[6].strip()).as(what).isEqualTo(spaced(wording.money(new BigDecimal(yen ? "123456" : "1234.50"), marketplace.currency())));
            assertThat(cells[7].strip()).as("%s: the reason for the choice", what).isNotBlank();
        }
        assertThat(seen).doesNotHaveDuplicates();
    }
}
