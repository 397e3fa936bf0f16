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

    private static JsonNode read(Response r) {
        try {
            return Events.JSON.readTree(r.asString());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r.asString(), e);
        }
    }
}
