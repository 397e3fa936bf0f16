package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.List;

/** The answer to "where does the buyer stand, and what can I do?" for one case on one day. */
public record ClaimEvaluation(
        LocalDate asOf,
        ClaimWindow window,
        ClaimPhase phase,
        List<ResolutionOption> options,
        List<Statement> statements) {

    public ClaimEvaluation {
        options = List.copyOf(options);
        statements = List.copyOf(statements);
    }

    public List<String> explanation(Language language) {
        return Statement.renderAll(statements, language);
    }

    public List<String> explanation(Wording wording) {
        return Statement.renderAll(statements, wording);
    }
}
