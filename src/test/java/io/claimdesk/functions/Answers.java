package io.claimdesk.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.testing.Events;

/**
 * Reads the functions' answers in tests. A refused call is a successful invocation whose answer is
 * {@code {"refusal":{"status":...,"code":...,"field":...,"message":...}}}; these helpers turn it back into the
 * one-line form the assertions use, {@code [<status>] <CODE> <field>: <message>} ({@code -} for no field).
 */
final class Answers {

    private Answers() {
    }

    /** The refusal an answer carries, as {@code [<status>] <CODE> <field>: <message>}; null when it carries none. */
    static String refusalMessage(JsonNode answer) {
        JsonNode refusal = answer.path("refusal");
        if (!refusal.isObject()) {
            return null;
        }
        return "[" + refusal.path("status").asInt() + "] " + refusal.path("code").asText() + " "
                + (refusal.path("field").isNull() ? "-" : refusal.path("field").asText()) + ": "
                + refusal.path("message").asText();
    }

    /**
     * The JSON of an answer from a function called as Java. A refusal in it is raised as a {@link FunctionError}
     * with its status, code, field and message, so that a test which does not expect one fails on it, and a test
     * that collects refusals from many callers (a race) finds each one as it did when refusals were thrown.
     */
    static JsonNode json(Object answer) {
        JsonNode json = Events.JSON.valueToTree(answer);
        JsonNode refusal = json.path("refusal");
        if (refusal.isObject()) {
            throw new FunctionError(refusal.path("status").asInt(), refusal.path("code").asText(),
                    refusal.path("field").isNull() ? null : refusal.path("field").asText(), refusal.path("message").asText(), null);
        }
        return json;
    }
}
