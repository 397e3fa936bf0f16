package io.claimdesk.policy;

import java.time.Instant;
import java.util.Objects;

/** When a change happens and which function makes it; the policy takes time as input, it never reads a clock. */
public record Stamp(Instant at, String by) {

    public Stamp {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
