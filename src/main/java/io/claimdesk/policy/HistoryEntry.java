package io.claimdesk.policy;

import java.time.Instant;
import java.util.List;

/** One change to a case: when, by which function, what happened, and the rules behind it. */
public record HistoryEntry(Instant at, String by, String event, List<Rule> rules, List<Statement> statements) {

    public HistoryEntry {
        rules = List.copyOf(rules);
        statements = List.copyOf(statements);
    }
}
