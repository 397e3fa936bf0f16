package io.claimdesk.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.eur;
import static io.claimdesk.policy.Orders.placeholders;
import static io.claimdesk.policy.Orders.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue as a whole: every message in every language, every placeholder filled with its argument
 * formatted for the reader, and nothing a seller cannot read: no placeholder, brace, "null", ISO date or code.
 */
class MessageCatalogueTest {

    /** Sample arguments for each type: a later ISO date, amounts in each marketplace currency, counts, names. */
    private static final Map<Arg, List<String>> SAMPLES = Map.of(
            Arg.DATE, List.of("2026-03-14", "2026-06-08"),
            Arg.MONEY, List.of("59.90 EUR", "5990 JPY", "1234.50 GBP"),
            Arg.DAYS, List.of("1", "86"),
            Arg.TEXT, List.of("171-5550123-7654321"),
            Arg.CARRIER, List.of("Colissimo", Arg.NO_CARRIER));

    @Test
    void everyMessageHasATextInEveryLanguage() {
        for (Message message : Message.values()) {
            assertThat(message.languages()).as(message.name()).containsExactlyInAnyOrder(Language.values());
            for (Language language : Language.values()) {
                assertThat(message.pattern(language)).as("%s in %s", message, language).isNotBlank();
            }
        }
    }

    @Test
    void everyGlossaryTermHasANameInEveryLanguage() {
        for (Glossary term : Glossary.values()) {
            for (Language language : Language.values()) {
                assertThat(term.in(language)).as("%s in %s", term, language).isNotBlank().doesNotContain("{");
            }
        }
    }

    @Test
    void everyTextHasOnePlaceholderPerDeclaredArgument() {
        for (Message message : Message.values()) {
            for (Language language : Language.values()) {
                String pattern = message.pattern(language);
                if (message == Message.PART_DAYS) {
                    assertThat(pattern.split("\\|")).as("%s in %s: singular|plural", message, language).hasSize(2)
                            .allSatisfy(form -> assertThat(placeholders(form)).isEqualTo(1));
                } else {
                    assertThat(placeholders(pattern)).as("%s in %s", message, language).isEqualTo(message.args().size());
                }
                assertThat(pattern).as("%s in %s", message, language).doesNotContain("{").doesNotContain("}")
                        .doesNotContain("  ").isEqualTo(pattern.strip());
            }
        }
    }

    @Test
    void everySentenceAndDraftRendersEveryArgumentFormattedForEveryMarketplaceAndLanguage() {
        for (Message message : Message.values()) {
            if (message.use() == Message.Use.PART) {
                continue;
            }
            for (List<String> args : samples(message.args())) {
                for (Marketplace marketplace : Marketplace.values()) {
                    for (Language language : Language.values()) {
                        Wording wording = Wording.of(language, marketplace);
                        String text = message.render(wording, args);
                        String what = message + " in " + language + " on " + marketplace;
                        ReadableText.assertReadable(text, what);
                        for (int i = 0; i < args.size(); i++) {
                            assertThat(text).as(what).contains(message.args().get(i).format(args.get(i), wording));
                        }
                    }
                }
            }
        }
    }

    @Test
    void datesAndAmountsAreWrittenAsEachMarketplaceWritesThem() {
        Statement s = Statement.of(Rule.R3, Message.FULLY_REFUNDED, eur("59.90"));
        assertThat(s.render(Wording.of(Language.FR, Marketplace.FR))).contains("(59,90\u00a0€)");
        assertThat(s.render(Wording.of(Language.DE, Marketplace.DE))).contains("(59,90\u00a0€)");
        assertThat(s.render(Wording.of(Language.EN, Marketplace.UK))).contains("(€59.90)");
        assertThat(Statement.of(Rule.R3, Message.FULLY_REFUNDED, Orders.jpy("5990")).render(Wording.of(Language.JA, Marketplace.JP)))
                .contains("（￥5,990）");

        Statement d = Statement.of(Rule.R6, Message.WINDOW_OPENED, date("2026-03-14"));
        assertThat(d.render(Wording.of(Language.FR, Marketplace.FR))).contains("le 14 mars 2026 ");
        assertThat(d.render(Wording.of(Language.DE, Marketplace.DE))).contains("am 14. März 2026 ");
        assertThat(d.render(Wording.of(Language.ES, Marketplace.ES))).contains("el 14 de marzo de 2026:");
        assertThat(d.render(Wording.of(Language.IT, Marketplace.IT))).contains("il giorno 14 marzo 2026:");
        assertThat(d.render(Wording.of(Language.JA, Marketplace.JP))).contains("2026年3月14日");
        assertThat(d.render(Wording.of(Language.EN, Marketplace.UK))).contains("on 14 March 2026:");
        assertThat(d.render(Wording.of(Language.EN, Marketplace.US))).contains("on March 14, 2026:");
    }

    @Test
    void aDayCountIsSingularForOneAndPluralOtherwise() {
        Wording fr = Wording.of(Language.FR, Marketplace.FR);
        assertThat(Arg.DAYS.format("1", fr)).isEqualTo("1 jour");
        assertThat(Arg.DAYS.format("86", fr)).isEqualTo("86 jours");
        assertThat(Arg.DAYS.format("1", Wording.of(Language.EN))).isEqualTo("1 day");
        assertThat(Arg.DAYS.format("2", Wording.of(Language.DE))).isEqualTo("2 Tage");
        assertThat(Arg.DAYS.format("1", Wording.of(Language.ES))).isEqualTo("1 día");
        assertThat(Arg.DAYS.format("3", Wording.of(Language.IT))).isEqualTo("3 giorni");
        assertThat(Arg.DAYS.format("86", Wording.of(Language.JA))).isEqualTo("86日");
    }

    @Test
    void aValueThatIsNotOfItsTypeIsPrintedAsItIs() {
        Wording fr = Wording.of(Language.FR);
        assertThat(Arg.DATE.format("someday", fr)).isEqualTo("someday");
        assertThat(Arg.MONEY.format("59.90", fr)).isEqualTo("59.90");
        assertThat(Arg.MONEY.format("59.90 XXQ", fr)).isEqualTo("59.90 XXQ");
        assertThat(Arg.DAYS.format("many", fr)).isEqualTo("many");
        assertThat(Arg.TEXT.format("r-1", fr)).isEqualTo("r-1");
        assertThat(Arg.CARRIER.format("-", fr)).isEqualTo("votre transporteur");
        assertThat(Message.WINDOW_OPENED.render(fr, List.of())).contains("%s");
    }

    @Test
    void theCarrierWithoutANameIsYourCarrier() {
        Statement s = Statement.of(Rule.R8, Message.CARRIER_STATUS_LOST, Arg.NO_CARRIER);
        assertThat(s.render(Language.FR)).startsWith("[R8] Selon votre transporteur, le colis a été perdu en transit");
        assertThat(s.render(Language.EN)).startsWith("[R8] According to your carrier, the parcel was lost in transit");
        assertThat(s.render(Language.DE)).startsWith("[R8] Laut Ihrem Versanddienstleister ist das Paket");
    }

    /** Seed: "Amazon peut refacturer le client (avec le consentement de ce dernier)": never the seller, never without consent. */
    @Test
    void onlyAmazonChargesTheBuyerAgainAndOnlyWithConsent() {
        Map<Language, String> charging = Map.of(Language.FR, "refactur", Language.EN, "charge", Language.DE, "belast|in Rechnung",
                Language.ES, "cobr", Language.IT, "addebit", Language.JA, "請求");
        Map<Language, String> consent = Map.of(Language.FR, "consentement", Language.EN, "consent", Language.DE, "Zustimmung|zugestimmt",
                Language.ES, "consentimiento", Language.IT, "consenso", Language.JA, "同意");
        int seen = 0;
        for (Message message : Message.values()) {
            for (Language language : Language.values()) {
                String text = message.pattern(language);
                if (java.util.regex.Pattern.compile(charging.get(language)).matcher(text).find()
                        && !text.contains(language == Language.JA ? "保険金請求" : "\u0000")) {
                    seen++;
                    assertThat(text).as("%s in %s", message, language).contains("Amazon");
                    assertThat(java.util.regex.Pattern.compile(consent.get(language)).matcher(text).find())
                            .as("%s in %s: %s", message, language, text).isTrue();
                }
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(6 * Language.values().length);
    }

    /** The seed's vocabulary: its names for things, Amazon named, no calques of another wording. */
    @Test
    void frenchUsesTheSeedsWords() {
        String french = Arrays.stream(Message.values()).map(m -> m.pattern(Language.FR)).collect(Collectors.joining("\n"));
        assertThat(french).doesNotContain("évaluation négative").doesNotContainIgnoringCase("marketplace")
                .doesNotContain("jour(s)").doesNotContain("scan").doesNotContain("Garantie A-à-Z");
        assertThat(Message.FEEDBACK_STAYS_POSSIBLE.pattern(Language.FR)).contains("commentaire négatif");
        assertThat(Message.WINDOW_LATE.pattern(Language.FR))
                .contains("Amazon se réserve le droit d'accepter des réclamations déposées après ce délai");
        assertThat(Message.CLAIM_STILL_POSSIBLE.pattern(Language.FR)).contains("réclamation au titre de la Garantie A à Z");
        assertThat(Message.MARKETPLACE_RETURNS.pattern(Language.FR)).contains("commande Expédié par Amazon")
                .contains("Retours client des commandes Expédié par Amazon");
        String english = Arrays.stream(Message.values()).map(m -> m.pattern(Language.EN)).collect(Collectors.joining("\n"));
        assertThat(english).doesNotContainIgnoringCase("marketplace").doesNotContain("day(s)");
    }

    /** The seed's hedges stay: the carrier "can sometimes" help, "may" locate the parcel or help with a claim. */
    @Test
    void theCarrierSentencesKeepTheSeedsHedges() {
        Map<Language, String> hedges = Map.of(Language.FR, "parfois|peut-être", Language.EN, "sometimes|may ",
                Language.DE, "[Mm]anchmal|möglicherweise", Language.ES, "a veces|es posible", Language.IT, "a volte|potrebbe",
                Language.JA, "場合があります|可能性があります");
        for (Message message : EnumSet.of(Message.CARRIER_STATUS_LOST, Message.CARRIER_STATUS_WRONG_ADDRESS, Message.CARRIER_TRACKED,
                Message.CARRIER_INSURED, Message.CARRIER_OTHER_OPTIONS, Message.CARRIER_PROOF_OF_DELIVERY)) {
            for (Language language : Language.values()) {
                assertThat(java.util.regex.Pattern.compile(hedges.get(language)).matcher(message.pattern(language)).find())
                        .as("%s in %s: %s", message, language, message.pattern(language)).isTrue();
            }
        }
        assertThat(Message.CARRIER_TRACKED.pattern(Language.FR)).contains("pourra peut-être vous aider à localiser le colis");
        assertThat(Message.CARRIER_STATUS_LOST.pattern(Language.FR)).contains("vous pouvez parfois obtenir de l'aide");
    }

    /** A service is never told about a maximum delivery date or a parcel: its date of service instead. */
    @Test
    void aServiceOrderGetsServiceWordingInEveryLanguage() {
        Map<Language, List<String>> goodsWords = Map.of(
                Language.FR, List.of("livraison maximale", "colis"),
                Language.EN, List.of("delivery date", "parcel"),
                Language.DE, List.of("Lieferdatum", "Paket"),
                Language.ES, List.of("fecha de entrega", "paquete"),
                Language.IT, List.of("data di consegna", "pacco"),
                Language.JA, List.of("お届け予定日", "荷物"));
        for (String[] dates : new String[][] {{"2026-03-01", "2026-03-10", "2026-03-14"}, {"2026-01-01", "2026-02-15", "2026-01-20"},
                {"2026-01-01", "2026-01-28", "2026-01-20"}, {"2026-01-01", "2026-02-15", "2026-05-16"}}) {
            ClaimCase c = service(dates[0], dates[1]).open();
            ClaimEvaluation evaluation = ClaimPolicy.evaluate(c, date(dates[2]));
            for (Language language : Language.values()) {
                Wording wording = Wording.of(language, Marketplace.FR);
                List<String> texts = new ArrayList<>(evaluation.explanation(wording));
                evaluation.options().forEach(o -> texts.addAll(Statement.renderAll(o.consequences(), wording)));
                evaluation.options().stream().filter(o -> o.draft() != null)
                        .forEach(o -> texts.add(o.draft().message().render(wording, o.draft().args())));
                for (String text : texts) {
                    for (String word : goodsWords.get(language)) {
                        assertThat(text).as("service, %s", language).doesNotContain(word);
                    }
                }
            }
            assertThat(evaluation.statements()).extracting(Statement::message)
                    .doesNotContain(Message.OPENS_BY_DELIVERY, Message.OPENS_BY_ORDER, Message.OPENS_ON_BOTH_BOUNDS,
                            Message.DEADLINE_FROM_DELIVERY);
        }
        ClaimEvaluation sameDay = ClaimPolicy.evaluate(service("2026-01-01", "2026-01-28").open(), date("2026-01-20"));
        assertThat(sameDay.statements().get(1).message()).isEqualTo(Message.OPENS_ON_BOTH_BOUNDS_FOR_SERVICE);
        assertThat(sameDay.statements().get(1).render(Language.FR)).contains("date de prestation du service");
        ClaimEvaluation byOrder = ClaimPolicy.evaluate(service("2026-01-01", "2026-02-15").open(), date("2026-01-20"));
        assertThat(byOrder.statements().get(1).message()).isEqualTo(Message.OPENS_BY_ORDER_FOR_SERVICE);
        ClaimEvaluation byService = ClaimPolicy.evaluate(service("2026-03-01", "2026-03-10").open(), date("2026-03-12"));
        assertThat(byService.statements().get(1).message()).isEqualTo(Message.OPENS_BY_SERVICE_DATE);
        assertThat(byService.options().get(0).draft().message()).isEqualTo(Message.DRAFT_CONTACT_BUYER_SERVICE);
    }

    @Test
    void theReadmeGlossaryIsTheCodesGlossary() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("| term | " + Arrays.stream(Language.values()).map(Language::code).collect(Collectors.joining(" | ")) + " |");
        for (Glossary term : Glossary.values()) {
            assertThat(readme).contains("| `" + term.name() + "` | "
                    + Arrays.stream(Language.values()).map(term::in).collect(Collectors.joining(" | ")) + " |");
        }
    }

    @Test
    void aClaimPhraseUsesTheGuaranteesOwnName() {
        for (Language language : Language.values()) {
            assertThat(Glossary.A_TO_Z_CLAIM.in(language)).as("%s", language).contains(Glossary.A_TO_Z_GUARANTEE.in(language));
        }
        assertThat(Glossary.A_TO_Z_GUARANTEE.in(Language.JA)).isEqualTo("Amazonマーケットプレイス保証");
        assertThat(Glossary.FULFILLED_BY_AMAZON.in(Language.JA)).isEqualTo("フルフィルメント by Amazon");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Glossary.resolve("{NO_SUCH_TERM}", Language.FR));
    }

    private static List<List<String>> samples(List<Arg> types) {
        List<List<String>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Arg type : types) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combos) {
                for (String sample : SAMPLES.get(type)) {
                    List<String> longer = new ArrayList<>(prefix);
                    longer.add(sample);
                    next.add(longer);
                }
            }
            combos = next;
        }
        return combos;
    }
}
