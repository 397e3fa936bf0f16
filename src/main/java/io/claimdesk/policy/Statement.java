package io.claimdesk.policy;

import java.util.List;
import java.util.Objects;

/** One thing the desk says, with the rule that makes it true; rendered per language by {@link #render(Language)}. */
public record Statement(Rule rule, Message message, List<String> args) {

    public Statement {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        args = List.copyOf(args);
    }

    public static Statement of(Rule rule, Message message, Object... args) {
        return new Statement(rule, message, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** "[R6] ..." : the rule id first, so every line of an explanation can be traced. */
    public String render(Language language) {
        return "[" + rule + "] " + String.format(java.util.Locale.ROOT, message.pattern(language), args.toArray());
    }

    public static List<String> renderAll(List<Statement> statements, Language language) {
        return statements.stream().map(s -> s.render(language)).toList();
    }
}
