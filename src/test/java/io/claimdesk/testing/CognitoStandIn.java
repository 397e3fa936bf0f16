package io.claimdesk.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local stand-in for the three endpoints of Cognito's hosted sign-in the desk page uses: {@code /oauth2/authorize}
 * (here a one-field sign-in form that issues a code), {@code /oauth2/token} (the code exchange, which checks the PKCE
 * verifier against the challenge as Cognito does) and {@code /logout}; on its own loopback port, so on another origin
 * than the page, as Cognito's domain is. Tokens are unsigned JWTs: the page only reads their claims, and dev mode has
 * no authorizer to check them. What it saw is read by the test over HTTP ({@code /_test/seen}), since a test resource
 * and the test class do not share a class loader; {@code /_test/next} sets the next tokens' lifetime and groups.
 */
public class CognitoStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "desk-page-client";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Map<String, ObjectNode> codes = new ConcurrentHashMap<>();
    private final ArrayNode authorizations = JSON.createArrayNode();
    private final ArrayNode exchanges = JSON.createArrayNode();
    private final ArrayNode logouts = JSON.createArrayNode();
    private volatile long lifetimeSeconds = 3600;
    private volatile List<String> groups = List.of("desk-readers", "desk-recorders");

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::serve);
        server.start();
        String domain = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("claimdesk.dev.sign-in-domain", domain, "claimdesk.dev.sign-in-client-id", CLIENT_ID);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private synchronized void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            switch (exchange.getRequestMethod() + " " + path) {
                case "GET /oauth2/authorize" -> authorize(exchange, query);
                case "POST /login" -> login(exchange, form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                case "POST /oauth2/token" -> token(exchange, form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                case "GET /logout" -> {
                    logouts.add(JSON.valueToTree(query));
                    redirect(exchange, query.get("logout_uri"));
                }
                case "GET /_test/seen" -> {
                    ObjectNode seen = JSON.createObjectNode();
                    seen.set("authorizations", authorizations);
                    seen.set("exchanges", exchanges);
                    seen.set("logouts", logouts);
                    send(exchange, 200, "application/json", JSON.writeValueAsString(seen), null);
                }
                case "POST /_test/next" -> {
                    lifetimeSeconds = Long.parseLong(query.getOrDefault("seconds", "3600"));
                    groups = List.of(query.getOrDefault("groups", "desk-readers desk-recorders").split(" "));
                    send(exchange, 204, "text/plain", "", null);
                }
                default -> send(exchange, 404, "text/plain", "no such endpoint", null);
            }
        }
    }

    /** Checks the request as Cognito would, then asks who signs in; the state and challenge ride along in the form. */
    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        authorizations.add(JSON.valueToTree(query));
        if (!"code".equals(query.get("response_type")) || !CLIENT_ID.equals(query.get("client_id"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
            send(exchange, 400, "text/plain", "invalid_request", null);
            return;
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("redirect_uri", "state", "code_challenge")) {
            hidden.append("<input type=hidden name=").append(name).append(" value=\"").append(escape(query.get(name))).append("\">");
        }
        send(exchange, 200, "text/html; charset=utf-8", "<!doctype html><title>Sign in (stand-in)</title><form method=post "
                + "action=/login><label for=username>E-mail</label> <input id=username name=username> " + hidden
                + "<button id=signInSubmitButton type=submit>Sign in</button></form>", null);
    }

    private void login(HttpExchange exchange, Map<String, String> form) throws IOException {
        String code = UUID.randomUUID().toString();
        ObjectNode pending = JSON.createObjectNode().put("challenge", form.get("code_challenge"))
                .put("redirectUri", form.get("redirect_uri")).put("username", form.get("username"));
        codes.put(code, pending);
        redirect(exchange, form.get("redirect_uri") + "?code=" + code + "&state=" + form.get("state"));
    }

    /** The code exchange: one use per code, the same redirect URI, and the verifier whose SHA-256 is the challenge. */
    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        ObjectNode pending = codes.remove(form.getOrDefault("code", ""));
        String verifier = form.get("code_verifier");
        boolean verified = pending != null && verifier != null && pending.path("challenge").asText().equals(challengeOf(verifier));
        exchanges.add(JSON.createObjectNode().put("grantType", form.get("grant_type")).put("clientId", form.get("client_id"))
                .put("redirectUri", form.get("redirect_uri")).put("verifierMatchesChallenge", verified)
                .put("verifierLength", verifier == null ? 0 : verifier.length()).put("origin", origin));
        if (!verified || !"authorization_code".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !pending.path("redirectUri").asText().equals(form.get("redirect_uri"))) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}", origin);
            return;
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", UUID.nameUUIDFromBytes(pending.path("username").asText().getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("email", pending.path("username").asText());
        claims.put("cognito:groups", new ArrayList<>(groups));
        claims.put("aud", CLIENT_ID);
        claims.put("token_use", "id");
        claims.put("iat", now);
        claims.put("exp", now + lifetimeSeconds);
        String idToken = jwt(claims);
        ObjectNode answer = JSON.createObjectNode().put("id_token", idToken).put("access_token", jwt(Map.of("exp", now + lifetimeSeconds)))
                .put("refresh_token", "not-kept-by-the-page").put("expires_in", lifetimeSeconds).put("token_type", "Bearer");
        send(exchange, 200, "application/json", JSON.writeValueAsString(answer), origin);
    }

    static String challengeOf(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwt(Map<String, Object> claims) throws IOException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(JSON.writeValueAsBytes(claims)) + ".stand-in";
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String origin) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (origin != null) {
            // Cognito's token endpoint answers a browser's cross-origin POST.
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
