package io.claimdesk.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.placeholders;
import static org.assertj.core.api.Assertions.assertThat;

/** Explanations cite rule ids: "[R6] ..." in French and in English. */
class StatementTest {

    @Test
    void everyMessageHasTheSamePlaceholdersInBothLanguages() {
        for (Message message : Message.values()) {
            assertThat(placeholders(message.pattern(Language.FR))).as(message.name())
                    .isEqualTo(placeholders(message.pattern(Language.EN)));
        }
    }

    @Test
    void everyMessageRendersWithItsRuleIdFirstAndFrenchDiffersFromEnglish() {
        for (Message message : Message.values()) {
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < placeholders(message.pattern(Language.EN)); i++) {
                args.add("arg" + i);
            }
            for (Rule rule : Rule.values()) {
                Statement statement = Statement.of(rule, message, args.toArray());
                String french = statement.render(Language.FR);
                String english = statement.render(Language.EN);

                assertThat(french).as(message.name()).startsWith("[" + rule.name() + "] ").doesNotContain("%");
                assertThat(english).as(message.name()).startsWith("[" + rule.name() + "] ").doesNotContain("%");
                assertThat(french).as(message.name()).isNotEqualTo(english);
                for (Object arg : args) {
                    assertThat(french).contains((String) arg);
                    assertThat(english).contains((String) arg);
                }
            }
        }
    }

    @Test
    void noTwoMessagesReadTheSame() {
        Set<String> english = java.util.Arrays.stream(Message.values()).map(m -> m.pattern(Language.EN))
                .collect(Collectors.toSet());
        Set<String> french = java.util.Arrays.stream(Message.values()).map(m -> m.pattern(Language.FR))
                .collect(Collectors.toSet());

        assertThat(english).hasSize(Message.values().length);
        assertThat(french).hasSize(Message.values().length);
    }

    @Test
    void argumentsAreKeptAsTextSoDatesAreIso() {
        Statement statement = Statement.of(Rule.R6, Message.WINDOW_OPENED, date("2028-02-29"));

        assertThat(statement.args()).containsExactly("2028-02-29");
        assertThat(statement.render(Language.EN)).startsWith("[R6] ").contains("2028-02-29");
        assertThat(statement.render(Language.FR)).startsWith("[R6] ").contains("2028-02-29");
        assertThat(Statement.renderAll(List.of(statement, Statement.of(Rule.R2, Message.FEEDBACK_STAYS_POSSIBLE)),
                Language.FR)).hasSize(2).allSatisfy(line -> assertThat(line).matches("\\[R[1-8]\\] .+"));
    }
}
