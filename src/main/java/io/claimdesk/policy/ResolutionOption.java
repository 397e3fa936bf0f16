package io.claimdesk.policy;

import java.util.List;

/**
 * One option for the seller, its rank (1 = recommended first), the rules behind it, what follows from it, and,
 * where the seller writes to the buyer, a draft of that message ({@code null} otherwise).
 */
public record ResolutionOption(OptionKind kind, int rank, List<Rule> rules, List<Statement> consequences, Draft draft) {

    public ResolutionOption {
        rules = List.copyOf(rules);
        consequences = List.copyOf(consequences);
    }
}
