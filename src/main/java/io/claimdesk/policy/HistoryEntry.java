package io.claimdesk.policy;

import java.time.Instant;
import java.util.List;

/**
 * One change to a case: when, by which function, what happened, the rules behind it, and where it left the case: the
 * status before and after it, why the case is closed after it (or null), and its next attention then (or null). Those
 * last four are what the change's announcement says ({@link Announcement#of}); entries recorded before they were kept
 * have them null, and are not announced again.
 */
public record HistoryEntry(Instant at, String by, String event, List<Rule> rules, List<Statement> statements,
                           CaseStatus statusBefore, CaseStatus statusAfter, CloseReason closeReason, Attention next) {

    public HistoryEntry {
        rules = List.copyOf(rules);
        statements = List.copyOf(statements);
    }

    /** An entry that does not say where it left the case (as recorded before that was kept). */
    public HistoryEntry(Instant at, String by, String event, List<Rule> rules, List<Statement> statements) {
        this(at, by, event, rules, statements, null, null, null, null);
    }

    /** The same entry with the case's next attention after it. */
    HistoryEntry withNext(Attention nextAttention) {
        return new HistoryEntry(at, by, event, rules, statements, statusBefore, statusAfter, closeReason, nextAttention);
    }
}
