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

    /** A successful invocation's JSON, which is not a refusal. */
    static JsonNode ok(Object event) {
        Response r = invoke(event);
        if (r.statusCode() != 200) {
            throw new AssertionError("expected success, got " + r.statusCode() + ": " + r.asString());
        }
        JsonNode answer = read(r);
        if (Answers.refusalMessage(answer) != null) {
            throw new AssertionError("expected success, got a refusal: " + answer);
        }
        return answer;
    }

    /**
     * A refusal, as {@code [<status>] <CODE> <field>: <message>}, read from a successful invocation's answer; or a
     * failed invocation's Lambda error message ({@code errorMessage}), for a real failure such as the 503
     * STORE_UNAVAILABLE or Funqy's answer to a body that is not JSON.
     */
    static String error(Object event) {
        Response r = invoke(event);
        if (r.statusCode() == 200) {
            String refusal = Answers.refusalMessage(read(r));
            if (refusal == null) {
                throw new AssertionError("expected a refusal or an error, got: " + r.asString());
            }
            return refusal;
        }
        return read(r).path("errorMessage").asText();
    }

    /** A refused call's whole answer, {@code {"refusal":{...}}}, from an invocation that succeeded. */
    static JsonNode refusal(Object event) {
        Response r = invoke(event);
        if (r.statusCode() != 200) {
            throw new AssertionError("expected a refusal in a successful invocation, got " + r.statusCode() + ": " + r.asString());
        }
        JsonNode answer = read(r);
        if (Answers.refusalMessage(answer) == null) {
            throw new AssertionError("expected a refusal, got: " + answer);
        }
        return answer;
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
            JsonNode refusal = body.path("refusal");
            if (refusal.isObject()) {
                return new Outcome(refusal.path("status").asInt(), refusal.path("code").asText(),
                        refusal.path("field").isNull() ? null : refusal.path("field").asText(), body, Answers.refusalMessage(body));
            }
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
