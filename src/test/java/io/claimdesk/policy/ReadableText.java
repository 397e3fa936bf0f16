package io.claimdesk.policy;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What no text the desk writes may hold: a placeholder, a brace, "null", an ISO date, a rule's code or an enum code. */
public final class ReadableText {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");
    /** A rule's id as the desk once printed it before each sentence ("[R6] ..."): answers give the rule beside the text. */
    private static final Pattern RULE = Pattern.compile("\\[R\\d+]");

    /** The names of the policy's enum constants (longer than a marketplace code): none may show in a text. */
    private static final Set<String> CODES = Stream.of(OptionKind.values(), CaseStatus.values(), CloseReason.values(),
                    FollowUp.values(), ArrivalSource.values(), CarrierStatus.values(), Fulfilment.values(), ClaimOutcome.values(),
                    RefundStanding.values(), Attention.Kind.values(), Lifecycle.Event.values(), Message.values(),
                    Glossary.values(), Draft.Purpose.values(), RefusalCode.values(), Marketplace.values())
            .flatMap(Arrays::stream).map(e -> ((Enum<?>) e).name()).filter(n -> n.length() > 2).collect(Collectors.toSet());

    private ReadableText() {
    }

    public static void assertReadable(String text, String what) {
        assertThat(text).as(what).doesNotContain("%").doesNotContain("{").doesNotContain("}").doesNotContain("|")
                .doesNotContainPattern("(?i)\\bnull\\b");
        assertThat(ISO_DATE.matcher(text).find()).as("ISO date in %s: %s", what, text).isFalse();
        assertThat(CODE.matcher(text).find()).as("code in %s: %s", what, text).isFalse();
        assertThat(RULE.matcher(text).find()).as("rule code in %s: %s", what, text).isFalse();
        for (String word : text.split("[^\\p{L}\\p{N}_]+")) {
            assertThat(CODES).as("enum code '%s' in %s: %s", word, what, text).doesNotContain(word);
        }
    }
}
