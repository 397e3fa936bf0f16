package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.cases.CaseService;
import io.claimdesk.policy.Claim;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.ClaimPolicy;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.ReadableText;
import io.claimdesk.policy.RefundRequest;
import io.claimdesk.policy.Stamp;
import io.claimdesk.testing.Events;
import org.junit.jupiter.api.Test;

/**
 * The README walkthrough's answer (evaluateClaim on {@code events/evaluate-claim.json}) as a seller on each
 * language's own marketplace reads it: explanation, options with their consequences, drafts, one line each, in
 * {@code src/test/resources/golden/evaluate-claim.<language>.txt}. A change of wording shows as a diff of those
 * files; {@code -Dgolden.update=true} rewrites them. Runs the input mapping, the policy and the views, without
 * Quarkus or a store.
 */
class WalkthroughGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Inputs INPUTS = new Inputs();

    /** The walkthrough's order moved to the marketplace whose language is the key: its currency, a local carrier. */
    static final Map<Language, ObjectNode> EVENTS = Map.of(
            Language.FR, Events.load("evaluate-claim.json"),
            Language.DE, moved("DE", "EUR", "59.90", "DHL"),
            Language.ES, moved("ES", "EUR", "59.90", "Correos"),
            Language.IT, moved("IT", "EUR", "59.90", "Poste Italiane"),
            Language.EN, moved("UK", "GBP", "59.90", "Royal Mail"),
            Language.JA, moved("JP", "JPY", "5990", "ヤマト運輸"));

    static ObjectNode moved(String marketplace, String currency, String total, String carrier) {
        ObjectNode event = Events.load("evaluate-claim.json").put("marketplace", marketplace).put("currency", currency)
                .put("orderTotal", total);
        ((ObjectNode) event.get("shipment")).put("carrier", carrier);
        return event;
    }

    /** The answer evaluateClaim gives for {@code event}, as its JSON. */
    static JsonNode answer(ObjectNode event) {
        EvaluateClaimInput in = INPUTS.read(event, EvaluateClaimInput.class);
        OrderFacts facts = ClaimFunctions.toFacts(in);
        Stamp stamp = new Stamp(Instant.parse("2026-03-14T09:00:00Z"), "golden");
        ClaimCase opened = ClaimCase.open(facts, stamp).after();
        if (in.claim() != null) {
            opened = opened.claim(ClaimFunctions.toClaim(in.claim()), stamp, Claim.DEFAULT_RESPONSE_HOURS).after();
        }
        Language language = in.language() == null ? facts.marketplace().defaultLanguage() : in.language();
        return Events.JSON.valueToTree(Views.EvaluationView.of(opened, ClaimPolicy.evaluate(opened, in.asOf()), language));
    }

    /**
     * Explanation, options with consequences, drafts: one line each, drafts line by line under their option. A
     * sentence's line is its rule, then its text ({@code {"rule":"R6","text":"..."}} in the JSON).
     */
    static String render(ObjectNode event, JsonNode answer, String variant) {
        List<String> lines = new ArrayList<>();
        lines.add("# evaluateClaim on events/evaluate-claim.json with marketplace " + event.get("marketplace").asText() + ", "
                + event.get("orderTotal").asText() + " " + event.get("currency").asText() + ", carrier "
                + event.get("shipment").get("carrier").asText() + variant + "; answer in " + answer.get("language").asText()
                + ". Rewrite: -Dgolden.update=true");
        lines.add("explanation:");
        answer.get("explanation").forEach(line -> lines.add(sentence(line)));
        for (JsonNode option : answer.get("options")) {
            List<String> rules = new ArrayList<>();
            option.get("rules").forEach(rule -> rules.add(rule.asText()));
            lines.add("option " + option.get("rank").asInt() + " " + option.get("kind").asText() + " (" + String.join(", ", rules) + "):");
            option.get("consequences").forEach(line -> lines.add(sentence(line)));
            JsonNode draft = option.get("draft");
            if (draft != null) {
                lines.add("  draft " + draft.get("purpose").asText() + " (" + draft.get("rule").asText() + ", "
                        + draft.get("language").asText() + "):");
                for (String line : draft.get("text").asText().split("\n", -1)) {
                    lines.add("    | " + line);
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String sentence(JsonNode line) {
        String text = line.get("text").asText();
        ReadableText.assertReadable(text, line.toString());
        return "  " + line.get("rule").asText() + "  " + text;
    }

    /**
     * The walkthrough's order as it is, shipped with Buy Shipping's claims protection and on time (R11), and with a
     * claim filed at an instant (R9: the hour to answer Amazon by, in each marketplace's zone and formats).
     */
    enum Variant {
        AS_IS("evaluate-claim", "", event -> {
        }),
        PROTECTED("evaluate-claim-protected", ", shipment.claimsProtected and shippedOnTime true",
                event -> ((ObjectNode) event.get("shipment")).put("claimsProtected", true).put("shippedOnTime", true)),
        CLAIMED("evaluate-claim-claimed", ", claim.filedAt 2026-03-13T16:45:00Z",
                event -> event.putObject("claim").put("filedAt", "2026-03-13T16:45:00Z"));

        final String file;
        final String says;
        final java.util.function.Consumer<ObjectNode> change;

        Variant(String file, String says, java.util.function.Consumer<ObjectNode> change) {
            this.file = file;
            this.says = says;
            this.change = change;
        }
    }

    @Test
    void theWalkthroughAnswerReadsAsItsGoldenFileInEveryLanguage() throws IOException {
        boolean update = Boolean.getBoolean("golden.update");
        List<String> differ = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            for (Language language : Language.values()) {
                ObjectNode event = EVENTS.get(language).deepCopy();
                variant.change.accept(event);
                JsonNode answer = answer(event);
                assertThat(answer.get("language").asText()).isEqualTo(language.code());
                String actual = render(event, answer, variant.says);
                Path file = GOLDEN.resolve(variant.file + "." + language.code() + ".txt");
                if (update) {
                    Files.createDirectories(GOLDEN);
                    Files.writeString(file, actual);
                } else if (!Files.exists(file) || !Files.readString(file).equals(actual)) {
                    differ.add(file + (Files.exists(file) ? " differs" : " is missing"));
                }
            }
        }
        assertThat(differ).as("golden files; after a wanted change of wording, run with -Dgolden.update=true and review the diff")
                .isEmpty();
    }

    @Test
    void underClaimsProtectionLeavingTheClaimToAmazonComesSecondAndRefundsSayWhatTheyCost() {
        for (Language language : Language.values()) {
            ObjectNode event = EVENTS.get(language).deepCopy();
            Variant.PROTECTED.change.accept(event);
            JsonNode options = answer(event).get("options");
            assertThat(options.get(1).get("kind").asText()).as(language.code()).isEqualTo("LEAVE_CLAIM_TO_AMAZON");
            assertThat(options.findValuesAsText("kind")).as(language.code())
                    .containsExactly("CONTACT_BUYER", "LEAVE_CLAIM_TO_AMAZON", "REFUND", "REFUND_AND_REORDER", "CARRIER_ASSISTANCE");
            JsonNode plain = answer(EVENTS.get(language));
            // The seed's sentences of each refund option stay, word for word; R11 comes after them.
            for (int rank : new int[] {1, 2}) {
                JsonNode before = plain.get("options").get(rank).get("consequences");
                JsonNode after = options.get(rank + 1).get("consequences");
                assertThat(after.size()).isEqualTo(before.size() + 1);
                for (int i = 0; i < before.size(); i++) {
                    assertThat(after.get(i)).isEqualTo(before.get(i));
                }
                assertThat(after.get(before.size()).get("rule").asText()).isEqualTo("R11");
            }
        }
    }

    @Test
    void theReadmeShowsTheFrenchAnswer() throws IOException {
        String golden = Files.readString(GOLDEN.resolve("evaluate-claim.fr.txt"));
        String body = golden.substring(golden.indexOf('\n') + 1);
        assertThat(Files.readString(Path.of("README.md"))).contains("```text\n" + body + "```");
    }

    @Test
    void draftsAreInTheBuyersLanguageWhateverTheSellerReads() {
        JsonNode english = answer(Events.load("evaluate-claim.json").put("language", "en"));

        assertThat(english.get("language").asText()).isEqualTo("en");
        assertThat(english.get("explanation").get(0).get("rule").asText()).isEqualTo("R6");
        assertThat(english.get("explanation").get(0).get("text").asText()).as("English on the French marketplace reads British formats")
                .isEqualTo("As of 14 March 2026, the buyer can file a claim until 8 June 2026 inclusive (86 days left).");
        JsonNode draft = english.get("options").get(0).get("draft");
        assertThat(draft.get("language").asText()).isEqualTo("fr");
        assertThat(draft.get("text").asText()).startsWith("Bonjour,\n").endsWith("\n[Votre nom de vendeur]");
    }

    @Test
    void everyDraftNamesTheOrderAndLeavesOnlyTheSignatureToFillIn() {
        for (Language language : Language.values()) {
            JsonNode answer = answer(EVENTS.get(language));
            List<String> purposes = new ArrayList<>();
            for (JsonNode option : answer.get("options")) {
                JsonNode draft = option.get("draft");
                if (draft == null) {
                    assertThat(option.get("kind").asText()).isIn("CARRIER_ASSISTANCE", "FBA_PROCESS");
                    continue;
                }
                purposes.add(draft.get("purpose").asText());
                String text = draft.get("text").asText();
                String[] lines = text.split("\n");
                assertThat(text).as("%s", language).contains("171-5550123-7654321");
                assertThat(lines[lines.length - 1]).startsWith("[").endsWith("]");
                assertThat(String.join("\n", Arrays.copyOf(lines, lines.length - 1))).as("%s", language)
                        .doesNotContain("[").doesNotContain("]");
                ReadableText.assertReadable(text, language + " " + draft.get("purpose").asText());
            }
            assertThat(purposes).containsExactly("CONTACT_BUYER", "REFUND_DONE", "REFUND_DONE_REORDER");
        }
    }

    /** Walkthrough steps 2 and 3: the refund's answer drafts it with its own amount, the late arrival asks consent. */
    @Test
    void theRefundAndTheLateArrivalOfTheWalkthroughCarryTheirDrafts() {
        ObjectNode event = Events.load("evaluate-claim.json");
        ClaimCase opened = ClaimCase.open(ClaimFunctions.toFacts(INPUTS.read(event, EvaluateClaimInput.class)),
                new Stamp(Instant.parse("2026-03-14T09:00:00Z"), "golden")).after();
        RecordRefundInput r = INPUTS.read(Events.load("record-refund.json"), RecordRefundInput.class);
        ClaimCase.RefundTransition refunded = opened.refund(RefundRequest.of(r.refundId(),
                r.amount(), r.currency(), Boolean.TRUE.equals(r.reorderRequested()), r.reason(), r.refundedOn()),
                new Stamp(Instant.parse("2026-03-15T09:00:00Z"), "golden"));
        JsonNode refundAnswer = Events.JSON.valueToTree(Views.RefundResultView.of(
                new CaseService.RefundResult(refunded.after(), refunded.refund(), false), Language.FR));

        assertThat(refundAnswer.get("draft").get("purpose").asText()).isEqualTo("REFUND_DONE");
        assertThat(refundAnswer.get("draft").get("text").asText())
                .contains("Nous vous avons remboursé 20,00\u00a0€.").doesNotContain("59,90");

        ArrivalInput a = INPUTS.read(Events.load("flag-late-arrival.json"), ArrivalInput.class);
        ClaimCase.ArrivalTransition arrived = refunded.after().arrive(a.deliveredOn(), a.source(),
                new Stamp(Instant.parse("2026-03-20T09:00:00Z"), "golden"));
        JsonNode arrivalAnswer = Events.JSON.valueToTree(Views.ArrivalDecisionView.of(
                new CaseService.ArrivalResult(arrived.after(), arrived.decision(), false), Language.EN));

        assertThat(arrivalAnswer.get("nextSteps").get(0).get("rule").asText()).isEqualTo("R3");
        assertThat(arrivalAnswer.get("nextSteps").get(0).get("text").asText()).startsWith("The original order arrived on 20 March 2026");
        assertThat(arrivalAnswer.get("drafts")).singleElement().satisfies(draft -> {
            assertThat(draft.get("purpose").asText()).isEqualTo("ASK_CONSENT_TO_CHARGE");
            assertThat(draft.get("rule").asText()).isEqualTo("R3");
            assertThat(draft.get("language").asText()).isEqualTo("fr");
            assertThat(draft.get("text").asText()).isEqualTo("Bonjour,\nVotre commande 171-5550123-7654321 a finalement été livrée "
                    + "le 20 mars 2026, après que nous vous avons remboursé 20,00\u00a0€. Avec votre consentement, Amazon peut vous "
                    + "refacturer cette commande. Pourriez-vous nous dire si vous l'acceptez\u202f?\nCordialement,\n[Votre nom de vendeur]");
        });
    }

    @Test
    void everyLanguageCodeIsAcceptedInAnyCaseAndNoOther() {
        for (Language language : Language.values()) {
            for (String code : List.of(language.code(), language.code().toUpperCase(Locale.ROOT))) {
                assertThat(INPUTS.read(refundIn(code), RecordRefundInput.class).language()).isEqualTo(language);
            }
        }
        io.claimdesk.policy.Refusal refusal = org.assertj.core.api.Assertions.catchThrowableOfType(io.claimdesk.policy.Refusal.class,
                () -> INPUTS.read(refundIn("jp"), RecordRefundInput.class));
        assertThat(refusal.field()).isEqualTo("language");
        assertThat(refusal.getMessage()).isEqualTo("language must be one of "
                + String.join(", ", Arrays.stream(Language.values()).map(Language::code).toList()));
        assertThat(Marketplace.JP.defaultLanguage()).isEqualTo(Language.JA);
    }

    private static JsonNode refundIn(String language) {
        return ((ObjectNode) Events.load("record-refund.json")).put("language", language);
    }
}
