package io.claimdesk.functions;

import java.time.LocalDate;

import io.claimdesk.policy.Language;
import io.claimdesk.policy.SetAside;

/** setAside's input: the case leaves the to-do list until {@code until}, for the reason {@code note} names. */
public record SetAsideInput(String orderId, LocalDate until, SetAside.Note note, Language language) {

    public SetAsideInput {
        Fields.required("note", note);
        Fields.required("orderId", orderId);
        Fields.id("orderId", orderId);
        Fields.required("until", until);
    }
}
