package io.claimdesk.functions;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.testing.Events;
import io.restassured.response.Response;

/** Invokes the exported function through Quarkus' Lambda mock event server, as Lambda would. */
final class Lambda {

    /** How a refusal of ours reads in a Lambda error's {@code errorMessage}. */
    static final Pattern REFUSAL = Pattern.compile("^io\\.claimdesk\\.functions\\.FunctionError: \\[(\\d{3})\\] ([A-Z_]+) (\\S+): ");
    /** Funqy's own answer to a body that is not JSON, documented as a 400. */
    static final String UNREADABLE = "Could not deserialize the provided message.";

    private Lambda() {
    }

    static Response invoke(Object event) {
        String body = event instanceof String s ? s : Events.JSON.valueToTree(event).toString();
        return given().contentType("application/json").body(body).when().post();
    }

    /** A successful invocation's JSON. */
    static JsonNode ok(Object event) {
        Response r = invoke(event);
        if (r.statusCode() != 200) {
            throw new AssertionError("expected success, got " + r.statusCode() + ": " + r.asString());
        }
        return read(r);
    }

    /** A failed invocation's Lambda error message ({@code errorMessage}). */
    static String error(Object event) {
        Response r = invoke(event);
        if (r.statusCode() == 200) {
            throw new AssertionError("expected an error, got: " + r.asString());
        }
        return read(r).path("errorMessage").asText();
    }

    /**
     * What an invocation comes to as the API would answer it: 200 with the function's JSON; the status a
     * refusal names ({@code [4xx]}/{@code [503]}, with its code and field); 400 for Funqy's unreadable-body
     * answer; 500 for any other error (a bug), with its Lambda error message.
     */
    record Outcome(int status, String code, String field, JsonNode body, String errorMessage) {
        boolean ok() {
            return status == 200;
        }

        @Override
        public String toString() {
            return status + (ok() ? "" : " " + errorMessage);
        }
    }

    static Outcome outcome(Object event) {
        Response r = invoke(event);
        JsonNode body = read(r);
        if (r.statusCode() == 200) {
            return new Outcome(200, null, null, body, null);
        }
        String message = body.path("errorMessage").asText();
        Matcher m = REFUSAL.matcher(message);
        if (m.find()) {
            return new Outcome(Integer.parseInt(m.group(1)), m.group(2), m.group(3).equals("-") ? null : m.group(3), body, message);
        }
        return new Outcome(message.equals(UNREADABLE) ? 400 : 500, null, null, body, message);
    }

    private static JsonNode read(Response r) {
        try {
            return Events.JSON.readTree(r.asString());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.asString(), e);
        }
    }
}
