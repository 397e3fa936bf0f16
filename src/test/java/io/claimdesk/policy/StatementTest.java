package io.claimdesk.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.placeholders;
import static org.assertj.core.api.Assertions.assertThat;

/** Explanations cite rule ids: "[R6] ..." in every language. */
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
    void everyMessageRendersWithItsRuleIdFirstAndEachLanguageDiffersFromEnglish() {
        for (Message message : Message.values()) {
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < placeholders(message.pattern(Language.EN)); i++) {
                args.add("arg" + i);
            }
            for (Rule rule : Rule.values()) {
                Statement statement = Statement.of(rule, message, args.toArray());
                String english = statement.render(Language.EN);
                for (Language language : Language.values()) {
                    String text = statement.render(language);
                    assertThat(text).as("%s in %s", message, language).startsWith("[" + rule.name() + "] ").doesNotContain("%");
                    if (language != Language.EN) {
                        assertThat(text).as("%s in %s", message, language).isNotEqualTo(english);
                    }
                    for (Object arg : args) {
                        assertThat(text).contains((String) arg);
                    }
                }
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
        assertThat(statement.render(Language.EN)).startsWith("[R6] ").contains("February 29, 2028").doesNotContain("2028-02-29");
        assertThat(statement.render(Language.FR)).startsWith("[R6] ").contains("le 29 février 2028").doesNotContain("2028-02-29");
        assertThat(statement.render(Wording.of(Language.EN, Marketplace.UK))).contains("29 February 2028");
        assertThat(statement.render(Language.JA)).contains("2028年2月29日");
        assertThat(Statement.renderAll(List.of(statement, Statement.of(Rule.R2, Message.FEEDBACK_STAYS_POSSIBLE)),
                Language.FR)).hasSize(2).allSatisfy(line -> assertThat(line).matches("\\[R[1-8]\\] .+"));
    }
}
