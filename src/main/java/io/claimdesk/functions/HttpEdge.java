package io.claimdesk.functions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.policy.Refusal;

/**
 * The API's edge: an HTTP API request as API Gateway hands it to a function (payload format 2.0) becomes the
 * function's input, and the function's answer becomes status, headers and body. The input is the JSON object of the
 * body, with the path's {@code orderId} in place of any the body gives, and the query parameters the {@link Route}
 * reads; the body is decoded from base64 when API Gateway encoded it, and refused past {@link #MAX_BODY_BYTES}.
 * A refusal is answered with its status and {@code {"code","field","message"}}; a store that stays unavailable with
 * 503, {@code Retry-After} and the same body (an answer, not a Lambda error: an alarm counts its log line).
 */
@ApplicationScoped
public class HttpEdge {

    /**
     * The most a request body may hold. The largest real input, evaluateClaim with an SP-API order and its items, is a
     * few tens of KB; every field past the body is bounded by the input records.
     */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    static final Map<String, String> JSON_HEADERS = Map.of(
            "Content-Type", "application/json; charset=utf-8",
            // Case data must never be served from a cache, the browser's or a CDN's.
            "Cache-Control", "no-store");

    /** Bodies are read strictly: one JSON value, no key given twice. */
    private static final ObjectMapper BODIES = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ObjectMapper json;

    public HttpEdge(ObjectMapper json) {
        this.json = json;
    }

    /**
     * True for an HTTP API request (payload format 2.0); false for a function's own JSON, given by a direct
     * invocation (the schedule, the CLI, a script). The one place the two are told apart.
     */
    public static boolean isRequest(JsonNode event) {
        return event != null && event.isObject() && "2.0".equals(event.path("version").asText())
                && event.path("routeKey").isTextual() && event.path("requestContext").path("http").isObject();
    }

    /** An HTTP answer as API Gateway takes it from a function: {@code {"statusCode", "headers", "body"}}. */
    public record Response(int statusCode, Map<String, String> headers, String body) {
        public Response {
            headers = Map.copyOf(headers);
        }
    }

    /** A refusal's and a failure's body. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ErrorBody(String code, String field, String message) {
    }

    /** The route of a request, if it is one of {@code function}'s; API Gateway sends a function its own routes only. */
    static Optional<Route> routeOf(JsonNode request, String function) {
        return Route.ofKey(request.path("routeKey").asText()).filter(r -> r.function().equals(function));
    }

    /**
     * Who sent the request, as API Gateway authenticated it: a signed-in user of the desk API (the token's e-mail,
     * else its user name) or a machine's IAM principal (its ARN); empty when no authorizer ran (dev mode). A member of
     * the seller's team or a machine of the seller's, never a buyer: no buyer data is kept by it.
     */
    static Optional<String> caller(JsonNode request) {
        JsonNode authorizer = request.path("requestContext").path("authorizer");
        JsonNode claims = authorizer.path("jwt").path("claims");
        for (String claim : new String[] {"email", "cognito:username", "username", "sub"}) {
            if (claims.path(claim).isTextual() && !claims.path(claim).asText().isBlank()) {
                return Optional.of(bounded(claims.path(claim).asText()));
            }
        }
        JsonNode arn = authorizer.path("iam").path("userArn");
        return arn.isTextual() && !arn.asText().isBlank() ? Optional.of(bounded(arn.asText())) : Optional.empty();
    }

    /**
     * The user pool group whose members may read the desk (the list, a case). The template creates it; an
     * administrator puts each user in this group or in {@link #RECORDERS}.
     */
    public static final String READERS = "desk-readers";

    /** The user pool group whose members may also record: open or update a case, a refund, an arrival, a follow-up. */
    public static final String RECORDERS = "desk-recorders";

    /**
     * Refuses, with 403 {@code NOT_ALLOWED}, a signed-in user whose groups do not allow the route: recording takes
     * {@link #RECORDERS}, reading either group. Only where API Gateway's JWT authorizer ran (the desk API): a machine
     * signed with IAM is allowed by its IAM policy, and dev mode has no sign-in. A user in no group may do nothing, so
     * that a user created and not yet placed reads no buyer's case.
     */
    static void permit(Route route, JsonNode request) {
        JsonNode jwt = request.path("requestContext").path("authorizer").path("jwt");
        if (!jwt.isObject()) {
            return;
        }
        java.util.Set<String> groups = groups(jwt.path("claims").path("cognito:groups"));
        if (route.records() && !groups.contains(RECORDERS)) {
            throw new Refusal(io.claimdesk.policy.RefusalCode.NOT_ALLOWED, null, groups.contains(READERS)
                    ? "you may read the desk but not record: an administrator can add you to the group " + RECORDERS
                    : "you are in neither desk group: an administrator can add you to " + READERS + " or " + RECORDERS);
        }
        if (!groups.contains(READERS) && !groups.contains(RECORDERS)) {
            throw new Refusal(io.claimdesk.policy.RefusalCode.NOT_ALLOWED, null,
                    "you are in neither desk group: an administrator can add you to " + READERS + " or " + RECORDERS);
        }
    }

    /**
     * The groups of a {@code cognito:groups} claim. API Gateway's JWT authorizer hands an array claim to the function
     * as one string, "[desk-readers desk-recorders]"; a JSON array (a direct test, a future format) is read too.
     */
    static java.util.Set<String> groups(JsonNode claim) {
        java.util.Set<String> groups = new java.util.HashSet<>();
        if (claim.isArray()) {
            claim.forEach(g -> groups.add(g.asText()));
        } else if (claim.isTextual()) {
            String text = claim.asText().trim();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            for (String g : text.split("[\\s,]+")) {
                if (!g.isEmpty()) {
                    groups.add(g);
                }
            }
        }
        return groups;
    }

    /** A name as the history keeps it: printable, and short enough for any item. */
    private static String bounded(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "");
        return printable.length() <= 128 ? printable : printable.substring(0, 128);
    }

    /** What API Gateway itself answers a request that matches no route. */
    static Response noRoute() {
        return new Response(404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
    }

    /**
     * The function's input: for a route with a body, its JSON object (the path's orderId replacing any the body
     * gives); then the query parameters the route reads, numbers among them as JSON numbers when they are whole
     * numbers (anything else as text, for the input record to refuse by its field); other parameters are ignored.
     */
    ObjectNode input(Route route, JsonNode request) {
        ObjectNode input = route.body() ? body(request) : json.createObjectNode();
        // The path names the case: it replaces an orderId the body gives.
        JsonNode orderId = request.path("pathParameters").path(Route.ORDER_ID);
        if (orderId.isTextual()) {
            input.put(Route.ORDER_ID, orderId.asText());
        }
        JsonNode query = request.path("queryStringParameters");
        for (String name : route.query()) {
            JsonNode value = query.path(name);
            if (!value.isTextual()) {
                continue;
            }
            String text = value.asText();
            if (route.numbers().contains(name) && text.matches("0|[1-9][0-9]{0,8}")) {
                input.put(name, Integer.parseInt(text));
            } else {
                input.put(name, text);
            }
        }
        return input;
    }

    private static ObjectNode body(JsonNode request) {
        JsonNode body = request.path("body");
        if (!body.isTextual() || body.asText().isEmpty()) {
            throw Refusal.invalid(null, "the request needs a JSON object as its body");
        }
        byte[] bytes;
        if (request.path("isBase64Encoded").asBoolean(false)) {
            try {
                bytes = Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(null, "the request body is marked base64 but is not");
            }
        } else {
            bytes = body.asText().getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw Refusal.invalid(null, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode parsed;
        try {
            parsed = BODIES.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw Refusal.invalid(null, "the request body is not valid JSON" + (e.getMessage() != null
                    && e.getMessage().startsWith("Duplicate field") ? ": a field is given twice" : ""));
        } catch (IOException e) {
            throw Refusal.invalid(null, "the request body could not be read");
        }
        if (parsed == null || !parsed.isObject()) {
            throw Refusal.invalid(null, "the request body must be a JSON object");
        }
        return (ObjectNode) parsed;
    }

    Response ok(Object view) {
        return new Response(200, JSON_HEADERS, write(view));
    }

    Response refused(Refusal r) {
        return new Response(FunctionError.statusOf(r.code()), JSON_HEADERS,
                write(new ErrorBody(r.code().name(), r.field(), r.getMessage())));
    }

    Response unavailable(String message) {
        Map<String, String> headers = new HashMap<>(JSON_HEADERS);
        headers.put("Retry-After", "1");
        return new Response(503, headers, write(new ErrorBody(FunctionError.STORE_UNAVAILABLE, null, message)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }
}
