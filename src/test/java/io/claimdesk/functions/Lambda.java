package io.claimdesk.functions;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.testing.Events;
import io.restassured.response.Response;

/** Invokes the exported function through Quarkus' Lambda mock event server, as Lambda would. */
final class Lambda {

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

    private static JsonNode read(Response r) {
        try {
            return Events.JSON.readTree(r.asString());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.asString(), e);
        }
    }
}
