package io.claimdesk.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One thing the desk says, with the rule that makes it true. Its arguments stay machine text (ISO dates,
 * "59.90 EUR", ids), as stored in a case's history; {@link #render(Wording)} formats them for the reader. The
 * rule is not part of the text: answers give it beside the text, so what a seller reads, copies or hears has
 * no code in it.
 */
public record Statement(Rule rule, Message message, List<String> args) {

    public Statement {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        args = List.copyOf(args);
    }

    public static Statement of(Rule rule, Message message, Object... args) {
        return new Statement(rule, message, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The sentence for the reader, without its rule (see {@link #rule()}). */
    public String render(Wording wording) {
        return message.render(wording, args);
    }

    /** {@link #render(Wording)} with the language's home formats ({@link Wording#of(Language)}). */
    public String render(Language language) {
        return render(Wording.of(language));
    }

    public static List<String> renderAll(List<Statement> statements, Wording wording) {
        return statements.stream().map(s -> s.render(wording)).toList();
    }

    public static List<String> renderAll(List<Statement> statements, Language language) {
        return renderAll(statements, Wording.of(language));
    }
}
