package io.claimdesk.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.placeholders;
import static io.claimdesk.policy.Orders.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue as a whole: every message in every language, its file naming exactly the message's arguments, and
 * every text rendered for every pair of language and marketplace (6 × 7) with nothing a seller cannot read: no
 * placeholder, brace, "null", ISO date, code, rule id or currency code, no deadline without the seed's hedge, no
 * French first of the month without "1er" nor a French ":;?!" after a plain space.
 */
class MessageCatalogueTest {

    /** A date on the first of a month (French "1er", Italian "1º"), on the 8th and 11th (Italian "l'8", "l'11"), another. */
    private static final List<String> DATES = List.of("2026-04-01", "2026-06-08", "2026-05-11", "2026-03-14");

    /** Amounts as a case on each marketplace holds them: in its own currency. */
    private static final Map<Marketplace, List<String>> AMOUNTS = Map.of(
            Marketplace.FR, List.of("59.90 EUR", "1234.50 EUR"), Marketplace.DE, List.of("59.90 EUR"),
            Marketplace.ES, List.of("59.90 EUR"), Marketplace.IT, List.of("59.90 EUR"),
            Marketplace.UK, List.of("59.90 GBP", "1234.50 GBP"), Marketplace.US, List.of("59.90 USD", "1234.50 USD"),
            Marketplace.JP, List.of("5990 JPY", "123456 JPY"));

    /**
     * The sentences that give the claim deadline, or close the case at it: each carries the seed's "Cependant,
     * Amazon se réserve le droit d'accepter des réclamations déposées après ce délai", or says that a late claim
     * Amazon accepts reopens the case.
     */
    static final Set<Message> DEADLINE_SENTENCES = EnumSet.of(Message.CLAIM_STILL_POSSIBLE,
            Message.CLAIM_STILL_POSSIBLE_AFTER_DEADLINE, Message.DEADLINE_FROM_DELIVERY, Message.DEADLINE_FROM_SERVICE,
            Message.WINDOW_LATE, Message.CLAIM_FILED_LATE, Message.CLOSED_DEADLINE_PASSED, Message.CLOSED_REFUNDED,
            Message.DEADLINE_PASSED_CLOSED, Message.DEADLINE_PASSED_REFUNDED, Message.RECEIPT_RECORDED_AFTER_WINDOW);

    /** The seed's late-claim hedge, in each language's words. */
    static final Map<Language, Pattern> HEDGES = Map.of(
            Language.FR, Pattern.compile("Amazon se réserve le droit d'accepter des réclamations déposées après ce délai|si Amazon l'accepte"),
            Language.EN, Pattern.compile("Amazon reserves the right to accept claims filed after the deadline|if Amazon accepts it"),
            Language.DE, Pattern.compile("Amazon behält sich (jedoch )?das Recht vor, auch nach Ablauf der Frist gestellte Anträge anzunehmen|falls Amazon ihn annimmt"),
            Language.ES, Pattern.compile("Amazon se reserva el derecho de aceptar reclamaciones presentadas después de este plazo|si Amazon acepta una reclamación tardía"),
            Language.IT, Pattern.compile("Amazon si riserva il diritto di accettare reclami presentati dopo tale termine|se Amazon accetta un reclamo tardivo"),
            Language.JA, Pattern.compile("Amazonは期限後に行われた申請を受け付ける権利を留保しています|期限後の申請をAmazonが受け付けた場合"));

    private static final Set<String> CURRENCY_CODES = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
            .collect(Collectors.toSet());
    private static final Pattern THREE_CAPITALS = Pattern.compile("(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])");
    /** The JDK's disambiguated symbols, which no reader on these marketplaces writes. */
    private static final List<String> ODD_SYMBOLS = List.of("£GB", "GB£", "$US", "JP¥");
    private static final Pattern FRENCH_FIRST_WITHOUT_ER = Pattern.compile(
            "(?<![0-9])1[ \u00a0\u202f](janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)");
    private static final Pattern ITALIAN_UNELIDED = Pattern.compile("(?i)\\b(il|al|dal|del|nel|sul) (8|11) ");

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

    /** Each file, as a reviewer reads it: one text per message and a name per term, and no key that is neither. */
    @Test
    void eachLanguageFileHoldsEveryMessageAndTermAndNothingElse() throws IOException {
        Set<String> keys = new HashSet<>();
        Arrays.stream(Message.values()).map(Message::name).forEach(keys::add);
        Arrays.stream(Glossary.values()).map(t -> "term." + t.name()).forEach(keys::add);
        for (Language language : Language.values()) {
            assertThat(file(language.code()).stringPropertyNames()).as(language.code()).isEqualTo(keys);
        }
        assertThat(keys).containsAll(file("en_GB").stringPropertyNames());
    }

    @Test
    void everyTextNamesEachOfItsArgumentsOnceAndNoOther() throws IOException {
        Pattern name = Pattern.compile("\\{([A-Za-z_]+)}");
        for (String variant : List.of("fr", "en", "en_GB", "de", "es", "it", "ja")) {
            Properties texts = file(variant);
            for (String key : texts.stringPropertyNames()) {
                if (key.startsWith("term.")) {
                    continue;
                }
                Message message = Message.valueOf(key);
                String text = texts.getProperty(key);
                List<String> forms = message == Message.PART_DAYS ? List.of(text.split("\\|")) : List.of(text);
                assertThat(forms).as("%s in %s: singular|plural", key, variant).hasSize(message == Message.PART_DAYS ? 2 : 1);
                for (String form : forms) {
                    List<String> named = new ArrayList<>();
                    Matcher m = name.matcher(form);
                    while (m.find()) {
                        if (Character.isLowerCase(m.group(1).charAt(0))) {
                            named.add(m.group(1));
                        } else {
                            assertThat(Glossary.valueOf(m.group(1))).isNotNull();
                        }
                    }
                    assertThat(named).as("%s in %s", key, variant)
                            .containsExactlyInAnyOrderElementsOf(message.params().stream().map(Param::name).toList());
                    assertThat(form).as("%s in %s", key, variant).doesNotContain("%").doesNotContain("  ").isEqualTo(form.strip());
                }
            }
        }
    }

    @Test
    void everyMessageInEveryLanguageReadsWellOnEveryMarketplace() {
        int rendered = 0;
        for (Message message : Message.values()) {
            if (message.use() == Message.Use.PART) {
                continue;
            }
            for (Marketplace marketplace : Marketplace.values()) {
                for (List<String> args : samples(message.args(), marketplace)) {
                    for (Language language : Language.values()) {
                        Wording wording = Wording.of(language, marketplace);
                        String text = message.render(wording, args);
                        String what = message + " in " + language + " on " + marketplace + ": " + text;
                        ReadableText.assertReadable(text, what);
                        assertNoCurrencyCode(text, what);
                        for (int i = 0; i < args.size(); i++) {
                            assertThat(text).as(what).contains(message.args().get(i).format(args.get(i), wording));
                        }
                        if (DEADLINE_SENTENCES.contains(message)) {
                            assertThat(HEDGES.get(language).matcher(text).find()).as("unhedged deadline: %s", what).isTrue();
                        }
                        if (language == Language.FR) {
                            assertFrenchTypography(text, what);
                        }
                        if (language == Language.IT) {
                            assertThat(ITALIAN_UNELIDED.matcher(text).find()).as("elision: %s", what).isFalse();
                            assertThat(text).as(what).doesNotContain("1 aprile");
                        }
                        rendered++;
                    }
                }
            }
        }
        assertThat(rendered).isGreaterThan(Message.values().length * 42);
    }

    /** A message that speaks of the deadline carries the hedge, unless it only names it as the end of an open case. */
    @Test
    void everyTextThatSpeaksOfTheDeadlineIsAmongTheHedgedOnes() {
        for (Message message : Message.values()) {
            String english = message.pattern(Language.EN).replaceAll("\\{[a-z][A-Za-z]*}", "");
            if (english.contains("deadline") && message != Message.EVIDENCE_SELLER_REPORT) {
                assertThat(DEADLINE_SENTENCES).as("%s: %s", message, english).contains(message);
            }
        }
        for (Message message : DEADLINE_SENTENCES) {
            for (Language language : Language.values()) {
                assertThat(HEDGES.get(language).matcher(message.pattern(language)).find())
                        .as("%s in %s: %s", message, language, message.pattern(language)).isTrue();
            }
        }
    }

    /** Off its marketplace a currency never shows (an order is in its marketplace's currency), yet it still reads as a symbol. */
    @Test
    void noCurrencyCodeForAnyCurrencyInAnyPair() {
        for (Language language : Language.values()) {
            for (Marketplace marketplace : Marketplace.values()) {
                for (String amount : List.of("59.90 EUR", "59.90 GBP", "59.90 USD", "5990 JPY")) {
                    String text = Arg.MONEY.format(amount, Wording.of(language, marketplace));
                    Matcher m = THREE_CAPITALS.matcher(text);
                    assertThat(m.find()).as("%s in %s on %s: %s", amount, language, marketplace, text).isFalse();
                }
            }
        }
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
        assertThat(Message.WINDOW_OPENED.render(fr, List.of())).contains("{opensOn}");
    }

    @Test
    void theCarrierWithoutANameIsYourCarrier() {
        Statement s = Statement.of(Rule.R8, Message.CARRIER_STATUS_LOST, Arg.NO_CARRIER);
        assertThat(s.render(Language.FR)).startsWith("Selon votre transporteur, le colis a été perdu en transit");
        assertThat(s.render(Language.EN)).startsWith("According to your carrier, the parcel was lost in transit");
        assertThat(s.render(Language.DE)).startsWith("Laut Ihrem Versanddienstleister ist das Paket");
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
                if (Pattern.compile(charging.get(language)).matcher(text).find()
                        && !text.contains(language == Language.JA ? "保険金請求" : "\u0000")) {
                    seen++;
                    assertThat(text).as("%s in %s", message, language).contains("Amazon");
                    assertThat(Pattern.compile(consent.get(language)).matcher(text).find())
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
        assertThat(Message.DEADLINE_FROM_DELIVERY.pattern(Language.FR))
                .endsWith("pour déposer une réclamation. Cependant, Amazon se réserve le droit d'accepter des réclamations déposées après ce délai.");
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
                assertThat(Pattern.compile(hedges.get(language)).matcher(message.pattern(language)).find())
                        .as("%s in %s: %s", message, language, message.pattern(language)).isTrue();
            }
        }
        assertThat(Message.CARRIER_TRACKED.pattern(Language.FR)).contains("pourra peut-être vous aider à localiser le colis");
        assertThat(Message.CARRIER_STATUS_LOST.pattern(Language.FR)).contains("vous pouvez parfois obtenir de l'aide auprès du transporteur");
    }

    /** A carrier's scan is something the seller may use, not proof the page promises: "peut vous servir de preuve". */
    @Test
    void aCarrierScanMayServeAsEvidenceAndProvesNothingByItself() {
        Map<Language, String> may = Map.of(Language.FR, "peut vous servir de preuve", Language.EN, "may serve as your evidence",
                Language.DE, "kann Ihnen als Nachweis dienen", Language.ES, "puede servirle de prueba",
                Language.IT, "può servirLe come prova", Language.JA, "証拠となる場合があります");
        for (Language language : Language.values()) {
            assertThat(Message.EVIDENCE_CARRIER_SCAN.pattern(language)).as("%s", language).contains(may.get(language))
                    .doesNotContain("vous sert de preuve").doesNotContain("is your evidence").doesNotContain("ist Ihr Nachweis")
                    .doesNotContain("es su prueba").doesNotContain("è la Sua prova").doesNotContain("証拠になります");
        }
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

    /**
     * The page counts the 3 days from the maximum estimated delivery date only; for a service the desk reads the
     * date of service in its place, and says so as its own reading, not as the page's rule.
     */
    @Test
    void countingThreeDaysFromTheDateOfServiceIsSaidToBeTheDesksReading() {
        Map<Language, String> reading = Map.of(Language.FR, "est notre lecture, pas une règle d'Amazon",
                Language.EN, "is our reading, not Amazon's rule", Language.DE, "ist unsere Auslegung, keine Regel von Amazon",
                Language.ES, "es nuestra interpretación, no una regla de Amazon",
                Language.IT, "è una nostra interpretazione, non una regola di Amazon", Language.JA, "当方の解釈であり、Amazonの規定ではありません");
        for (Message message : EnumSet.of(Message.OPENS_BY_SERVICE_DATE, Message.OPENS_BY_ORDER_FOR_SERVICE,
                Message.OPENS_ON_BOTH_BOUNDS_FOR_SERVICE)) {
            for (Language language : Language.values()) {
                assertThat(message.pattern(language)).as("%s in %s", message, language).contains(reading.get(language));
            }
        }
        for (Message message : EnumSet.of(Message.OPENS_BY_DELIVERY, Message.OPENS_BY_ORDER, Message.OPENS_ON_BOTH_BOUNDS)) {
            assertThat(message.pattern(Language.EN)).doesNotContain("our reading");
        }
    }

    @Test
    void theClaimAndProgrammeAreNamedAsEachSellerCentralNamesThem() {
        assertThat(Glossary.A_TO_Z_CLAIM.in(Language.FR)).isEqualTo("réclamation au titre de la Garantie A à Z");
        assertThat(Glossary.A_TO_Z_CLAIM.in(Language.ES)).isEqualTo("reclamación bajo la Garantía de la A a la Z");
        assertThat(Glossary.A_TO_Z_CLAIM.in(Language.IT)).isEqualTo("reclamo dalla A alla Z");
        assertThat(Glossary.A_TO_Z_GUARANTEE.in(Language.JA)).isEqualTo("Amazonマーケットプレイス保証");
        assertThat(Glossary.FULFILLED_BY_AMAZON.in(Language.JA)).isEqualTo("FBA");
        String japanese = Arrays.stream(Message.values()).map(m -> m.pattern(Language.JA)).collect(Collectors.joining("\n"));
        assertThat(japanese).doesNotContain("暦日").doesNotContain("フルフィルメント by Amazon");
        assertThat(Message.OPENS_BY_DELIVERY.pattern(Language.JA)).contains("お届け予定日の最終日（{maxDeliveryDate}）から3日後");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Glossary.resolve("{NO_SUCH_TERM}", Language.FR));
    }

    /** The six-language review's list of natural wordings, as a seller on each language's own marketplace reads them. */
    @Test
    void eachLanguageReadsAsTheReviewAskedForItsOwnMarketplace() {
        List<String> window = List.of("2026-03-14", "2026-06-08", "86");
        assertThat(Message.WINDOW_OPEN.render(Wording.of(Language.ES, Marketplace.ES), window)).startsWith("A 14 de marzo de 2026, el comprador");
        assertThat(Message.WINDOW_OPEN.render(Wording.of(Language.IT, Marketplace.IT), window)).startsWith("Al 14 marzo 2026, l'acquirente");
        assertThat(Message.WINDOW_OPEN.render(Wording.of(Language.DE, Marketplace.DE), window)).startsWith("Stand 14. März 2026: Der Käufer");
        assertThat(Message.WINDOW_OPEN.render(Wording.of(Language.EN, Marketplace.UK), window)).startsWith("As of 14 March 2026, the buyer");
        assertThat(Message.WINDOW_NOT_YET_OPEN.render(Wording.of(Language.EN, Marketplace.UK), List.of("2026-03-12", "2026-03-13", "1")))
                .endsWith("from 13 March 2026 (in 1 day).");
        assertThat(Message.CLAIM_STILL_POSSIBLE.render(Wording.of(Language.IT, Marketplace.IT), List.of("2026-03-13", "2026-06-08")))
                .contains("dal 13 marzo 2026 all'8 giugno 2026 incluso");
        assertThat(Message.WINDOW_LATE.pattern(Language.IT)).contains("è stato superato di");
        assertThat(Message.REFUND_FRIENDLIEST.pattern(Language.IT)).contains("più favorevole al cliente");
        assertThat(Message.MARKETPLACE_RETURNS.pattern(Language.IT)).contains("per gli ordini gestiti con Logistica di Amazon");
        assertThat(Message.OPENS_ON_BOTH_BOUNDS.pattern(Language.ES)).endsWith("y 30 días después de la fecha del pedido coinciden.");
        assertThat(Message.MARKETPLACE_RETURNS.pattern(Language.ES)).contains("devoluciones de pedidos gestionados por Logística de Amazon");
        assertThat(Message.CARRIER_OTHER_OPTIONS.pattern(Language.DE)).contains("keine Sendungsverfolgungsdaten vorliegen");
        assertThat(Message.WINDOW_OPENED.pattern(Language.DE)).contains("Der Antragszeitraum hat am {opensOn} begonnen");
        assertThat(Message.CLAIM_FILED_EARLY.pattern(Language.DE)).contains("bevor der Antragszeitraum begonnen hatte");
        assertThat(Message.CARRIER_STATUS_LOST.render(Wording.of(Language.FR, Marketplace.FR), List.of("La Poste")))
                .isEqualTo("Selon La Poste, le colis a été perdu en transit\u00a0: vous pouvez parfois obtenir de l'aide auprès du transporteur.");
        assertThat(Message.CARRIER_STATUS_WRONG_ADDRESS.pattern(Language.FR)).endsWith("auprès du transporteur.");
        assertThat(Message.EVIDENCE_CARRIER_SCAN.pattern(Language.JA)).contains("受け取っていないとのことです");
        assertThat(Message.CARRIER_TRACKED.pattern(Language.JA)).contains("協力を得られる");
        assertThat(Message.CARRIER_INSURED.pattern(Language.JA)).contains("協力を得られる");
        assertThat(Message.CLAIM_PENDING.pattern(Language.JA)).endsWith("はAmazonの判断待ちです。");
        assertThat(Message.CONTACT_WITH_PROOF.pattern(Language.JA)).contains("お伝えいただくこともできます");
        assertThat(Message.MARKETPLACE_RETURNS.pattern(Language.JA)).contains("FBA注文の返品に関するAmazonのヘルプ");
    }

    @Test
    void theDocsGlossaryIsTheFilesGlossary() throws IOException {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/languages.md"));
        assertThat(docs).contains("| term | " + Arrays.stream(Language.values()).map(Language::code).collect(Collectors.joining(" | ")) + " |");
        for (Glossary term : Glossary.values()) {
            assertThat(docs).contains("| `" + term.name() + "` | "
                    + Arrays.stream(Language.values()).map(term::in).collect(Collectors.joining(" | ")) + " |");
        }
    }

    static Properties file(String variant) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = Message.class.getResourceAsStream("messages_" + variant + ".properties")) {
            assertThat(in).as(variant).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    private static void assertNoCurrencyCode(String text, String what) {
        Matcher m = THREE_CAPITALS.matcher(text);
        while (m.find()) {
            assertThat(CURRENCY_CODES).as("currency code %s in %s", m.group(), what).doesNotContain(m.group());
        }
        for (String odd : ODD_SYMBOLS) {
            assertThat(text).as(what).doesNotContain(odd);
        }
    }

    /** French: the first of the month is "1er", and ":" ";" "?" "!" follow a no-break space, never a plain one. */
    private static void assertFrenchTypography(String text, String what) {
        assertThat(FRENCH_FIRST_WITHOUT_ER.matcher(text).find()).as("1er: %s", what).isFalse();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == ';' || c == '?' || c == '!') {
                assertThat(i).as("%s at the start: %s", c, what).isPositive();
                assertThat(text.charAt(i - 1)).as("before '%s' in %s", c, what).isEqualTo(c == ':' ? '\u00a0' : '\u202f');
            }
        }
    }

    /** Every combination of sample arguments for these types, amounts in the marketplace's currency. */
    private static List<List<String>> samples(List<Arg> types, Marketplace marketplace) {
        Map<Arg, List<String>> samples = Map.of(
                Arg.DATE, DATES,
                Arg.MONEY, AMOUNTS.get(marketplace),
                Arg.DAYS, List.of("1", "86"),
                Arg.TEXT, List.of("171-5550123-7654321"),
                Arg.CARRIER, List.of("Colissimo", Arg.NO_CARRIER),
                // Around midnight and noon in the marketplace's zone, whatever its offset.
                Arg.TIME, List.of("2026-03-21T23:30:00Z", "2026-07-01T11:05:00Z"),
                Arg.NOTE, java.util.Arrays.stream(SetAside.Note.values()).map(Enum::name).toList());
        List<List<String>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Arg type : types) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combos) {
                for (String sample : samples.get(type)) {
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
