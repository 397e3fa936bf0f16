package io.claimdesk.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The seller set the case aside until a day of its choosing, with a note from a fixed list (no free text): it leaves
 * the to-do list until then, never past a hard deadline ({@link Todos}).
 */
public record SetAside(LocalDate until, Note note, LocalDate recordedOn) {

    /** Why, in a word a seller's team shares. */
    public enum Note { CONTACTED_BUYER, WAITING_FOR_CARRIER, WAITING_FOR_BUYER, OTHER }

    /** The furthest a case can be set aside, so it is looked at again within the claim's lifetime at least. */
    public static final int MAX_DAYS = 90;

    public SetAside {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(recordedOn, "recordedOn");
    }
}
