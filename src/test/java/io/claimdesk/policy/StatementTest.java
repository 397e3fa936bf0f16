package io.claimdesk.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.placeholders;
import static org.assertj.core.api.Assertions.assertThat;

/** A statement keeps its rule beside its text: the text a seller reads has no code in it, in any language. */
class StatementTest {

    @Test
    void everyMessageHasTheSamePlaceholdersInEveryLanguage() {
        for (Message message : Message.values()) {
            for (Language language : Language.values()) {
                assertThat(placeholders(message.pattern(language))).as("%s in %s", message, language)
                        .isEqualTo(placeholders(message.pattern(Language.EN)));
            }
        }
    }

    @Test
    void everyMessageRendersWithoutItsRuleAndEachLanguageDiffersFromEnglish() {
        for (Message message : Message.values()) {
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < message.params().size(); i++) {
                args.add("arg" + i);
            }
            for (Rule rule : Rule.values()) {
                Statement statement = Statement.of(rule, message, args.toArray());
                String english = statement.render(Language.EN);
                for (Language language : Language.values()) {
                    String text = statement.render(language);
                    assertThat(text).as("%s in %s", message, language).doesNotContain("[" + rule.name() + "]")
                            .doesNotStartWith("[R").doesNotContain("{");
                    if (language != Language.EN) {
                        assertThat(text).as("%s in %s", message, language).isNotEqualTo(english);
                    }
                    for (Object arg : args) {
                        assertThat(text).contains((String) arg);
                    }
                }
                assertThat(statement.rule()).isEqualTo(rule);
            }
        }
    }

    @Test
    void noTwoMessagesReadTheSame() {
        for (Language language : Language.values()) {
            Set<String> texts = java.util.Arrays.stream(Message.values()).map(m -> m.pattern(language))
                    .collect(Collectors.toSet());
            assertThat(texts).as("%s", language).hasSize(Message.values().length);
        }
    }

    @Test
    void argumentsAreKeptAsIsoTextAndFormattedWhenRendered() {
        Statement statement = Statement.of(Rule.R6, Message.WINDOW_OPENED, date("2028-02-29"));

        assertThat(statement.args()).containsExactly("2028-02-29");
        assertThat(statement.render(Language.EN)).startsWith("The claim window opened on February 29, 2028").doesNotContain("2028-02-29");
        assertThat(statement.render(Language.FR)).startsWith("La période de réclamation s'est ouverte le 29 février 2028")
                .doesNotContain("2028-02-29");
        assertThat(statement.render(Wording.of(Language.EN, Marketplace.UK))).contains("29 February 2028");
        assertThat(statement.render(Language.JA)).contains("2028年2月29日");
        assertThat(Statement.renderAll(List.of(statement, Statement.of(Rule.R2, Message.FEEDBACK_STAYS_POSSIBLE)),
                Language.FR)).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("[R"));
    }

    /**
     * A case's history as DynamoDB held it before the texts left the code: each sentence its rule, message name and
     * arguments as machine text, in the order and number each message took then. Every one still reads, in every
     * language on every marketplace, with each of its arguments in it.
     */
    @Test
    void aHistoryStoredBeforeTheTextsMovedStillReads() {
        String[][] stored = {
                {"R1", "CASE_OPENED"}, {"R6", "FACTS_UPDATED"},
                {"R3", "REFUND_RECORDED", "rf-0001", "20.00 EUR"}, {"R7", "REFUND_AND_REORDER_RECORDED", "rf-0002", "5990 JPY"},
                {"R3", "CONSENT_GIVEN"}, {"R3", "CONSENT_REFUSED"}, {"R7", "RETURN_RECEIVED"},
                {"R7", "REPLACEMENT_ORDERED", "171-0000000-0000002"}, {"R3", "LATE_ARRIVAL_SETTLED"},
                {"R6", "CLAIM_FILED", "2026-04-01"}, {"R6", "CLAIM_FILED_LATE", "2026-06-09"}, {"R6", "CLAIM_FILED_EARLY", "2026-03-11"},
                {"R6", "CLAIM_ANSWER_WITH_EVIDENCE"}, {"R6", "CLAIM_GRANTED", "2026-04-08"}, {"R6", "CLAIM_DENIED", "2026-04-11"},
                {"R6", "CLAIM_WITHDRAWN", "2026-04-02"}, {"R6", "WINDOW_OPENED", "2026-03-13"}, {"R6", "CLAIM_RESPONSE_DUE", "2026-04-01"},
                {"R6", "DEADLINE_PASSED_CLOSED", "2026-06-08"}, {"R6", "DEADLINE_PASSED_REFUNDED", "2026-06-08"},
                {"R3", "FOLLOW_UP_CONSENT", "2026-03-20"}, {"R7", "FOLLOW_UP_RETURN", "2026-03-20"},
                {"R3", "EXPIRED_CONSENT", "2026-03-20"}, {"R7", "EXPIRED_RETURN", "2026-03-20"},
                {"R3", "ARRIVAL_ASK_CONSENT", "2026-03-20"}, {"R7", "ARRIVAL_ARRANGE_RETURN", "2026-03-20"},
                {"R3", "ARRIVAL_BEFORE_REFUND", "2026-03-12", "2026-03-15"}, {"R1", "RECEIPT_CONFIRMED_BY_BUYER", "2026-03-12"},
                {"R6", "RECEIPT_RECORDED_AFTER_WINDOW", "2026-06-01"}, {"R5", "EVIDENCE_CARRIER_SCAN", "2026-03-09"},
                {"R5", "EVIDENCE_SELLER_REPORT", "2026-03-09"}};
        for (String[] s : stored) {
            List<String> args = List.of(s).subList(2, s.length);
            Statement statement = new Statement(Rule.valueOf(s[0]), Message.valueOf(s[1]), args);
            assertThat(statement.message().params()).as(s[1]).hasSameSizeAs(args);
            for (Language language : Language.values()) {
                for (Marketplace marketplace : Marketplace.values()) {
                    Wording wording = Wording.of(language, marketplace);
                    String text = statement.render(wording);
                    ReadableText.assertReadable(text, s[1] + " in " + language + " on " + marketplace);
                    for (int i = 0; i < args.size(); i++) {
                        assertThat(text).contains(statement.message().params().get(i).type().format(args.get(i), wording));
                    }
                }
            }
        }
    }
}
