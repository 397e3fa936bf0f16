package io.claimdesk.policy;

import java.util.Objects;

/** One argument of a {@link Message}: the name its texts write it as ({@code {deadline}}) and its type. */
public record Param(String name, Arg type) {

    public Param {
        Objects.requireNonNull(type, "type");
        // Checked by hand, not by a regex: every argument of every message is made while Message initialises.
        boolean camel = name != null && !name.isEmpty() && Character.isLowerCase(name.charAt(0));
        for (int i = 0; camel && i < name.length(); i++) {
            camel = Character.isLetter(name.charAt(i));
        }
        if (!camel) {
            throw new IllegalArgumentException("an argument's name is in lower camel case: " + name);
        }
    }
}
