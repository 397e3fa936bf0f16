package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;
import io.restassured.response.Response;

/**
 * Requests as API Gateway's HTTP API hands them to a function (payload format 2.0), made from the shape of AWS's
 * documented example ({@code src/test/resources/apigateway/http-api-request.json}), sent through the Lambda path (the
 * mock event server) and read back as API Gateway reads the function's answer: status, headers, body.
 */
final class ApiGateway {

    private static final ObjectNode EXAMPLE;

    static {
        try (var in = ApiGateway.class.getResourceAsStream("/apigateway/http-api-request.json")) {
            EXAMPLE = (ObjectNode) Events.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiGateway() {
    }

    /**
     * The request for {@code method} and {@code rawPathAndQuery} on the route {@code routeKey} ("POST
     * /cases/{orderId}/refunds"), with the path parameter and query parameters API Gateway would extract, and no body.
     */
    static ObjectNode request(String routeKey, String rawPathAndQuery) {
        ObjectNode event = EXAMPLE.deepCopy();
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        int q = rawPathAndQuery.indexOf('?');
        String path = q < 0 ? rawPathAndQuery : rawPathAndQuery.substring(0, q);
        String query = q < 0 ? "" : rawPathAndQuery.substring(q + 1);
        event.put("routeKey", routeKey).put("rawPath", path).put("rawQueryString", query);
        ObjectNode context = (ObjectNode) event.path("requestContext");
        context.put("routeKey", routeKey);
        ((ObjectNode) context.path("http")).put("method", method).put("path", path);
        event.remove("body");
        event.put("isBase64Encoded", false);
        event.remove("pathParameters");
        String[] templateSegments = template.split("/");
        String[] segments = path.split("/");
        for (int i = 0; i < templateSegments.length && i < segments.length; i++) {
            if (templateSegments[i].startsWith("{")) {
                event.putObject("pathParameters").put(templateSegments[i].substring(1, templateSegments[i].length() - 1),
                        URLDecoder.decode(segments[i], StandardCharsets.UTF_8));
            }
        }
        event.remove("queryStringParameters");
        if (!query.isEmpty()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                String[] nv = pair.split("=", 2);
                parameters.merge(URLDecoder.decode(nv[0], StandardCharsets.UTF_8),
                        nv.length > 1 ? URLDecoder.decode(nv[1], StandardCharsets.UTF_8) : "", (a, b) -> a + "," + b);
            }
            ObjectNode qs = event.putObject("queryStringParameters");
            parameters.forEach(qs::put);
        }
        return event;
    }

    /** The request with {@code body} as its text body. */
    static ObjectNode request(String routeKey, String rawPathAndQuery, String body) {
        return request(routeKey, rawPathAndQuery).put("body", body);
    }

    /** The request with {@code body}'s JSON as its text body. */
    static ObjectNode request(String routeKey, String rawPathAndQuery, JsonNode body) {
        return request(routeKey, rawPathAndQuery, body.toString());
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8);
    }

    /** What API Gateway makes of the function's answer. */
    record Answer(int status, Map<String, String> headers, JsonNode body) {
        /** A refusal's or a failure's body: {@code code field: message}, {@code -} for no field. */
        String error() {
            return body.path("code").asText() + " " + (body.path("field").isNull() ? "-" : body.path("field").asText())
                    + ": " + body.path("message").asText();
        }
    }

    /** Sends the request through the Lambda path; the invocation itself must succeed (a status is an answer). */
    static Answer send(ObjectNode request) {
        Response r = Lambda.invoke(request);
        assertThat(r.statusCode()).as("the invocation succeeds, whatever status it answers: %s", r.asString()).isEqualTo(200);
        try {
            JsonNode proxy = Events.JSON.readTree(r.asString());
            assertThat(proxy.fieldNames()).toIterable().containsExactlyInAnyOrder("statusCode", "headers", "body");
            Map<String, String> headers = new LinkedHashMap<>();
            proxy.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            return new Answer(proxy.path("statusCode").asInt(), headers, Events.JSON.readTree(proxy.path("body").asText()));
        } catch (IOException e) {
            throw new AssertionError("not the JSON of a proxy answer: " + r.asString(), e);
        }
    }
}
