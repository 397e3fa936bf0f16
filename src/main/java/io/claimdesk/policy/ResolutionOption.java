package io.claimdesk.policy;

import java.util.List;

/** One option for the seller, its rank (1 = recommended first), the rules behind it and what follows from it. */
public record ResolutionOption(OptionKind kind, int rank, List<Rule> rules, List<Statement> consequences) {

    public ResolutionOption {
        rules = List.copyOf(rules);
        consequences = List.copyOf(consequences);
    }
}
