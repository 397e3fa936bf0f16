package io.claimdesk.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.functions.ClaimFunctions;
import io.claimdesk.functions.HttpEdge;
import io.claimdesk.functions.Route;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * Dev mode's whole desk in one process ({@code ./mvnw quarkus:dev}): every route of {@link Route#ALL} on
 * {@code http://localhost:8080} with the deployed paths and methods, the desk page (the files of {@code page/}) at
 * {@code http://localhost:8080/} on the same origin, each request handed to its function as API
 * Gateway would hand it (an HTTP API event, payload format 2.0) and answered with the function's status, headers and
 * body; and the sweep on its schedule, as EventBridge would invoke it, plus {@code POST /dev/sweep} to run it now
 * ({@code ?time=} an instant to run it as of). Loopback only, and no sign-in: it is a developer's desk.
 * <p>
 * It needs no dependency (the JDK's own HTTP server), so function.zip gains nothing from it, and its class is left out
 * of the package ({@code quarkus.package.jar.user-configured-ignored-entries}). A bean of the dev and test build
 * profiles; tests turn it on where they walk the API over HTTP ({@code claimdesk.dev.serve}).
 */
@Singleton
@IfBuildProfile(anyOf = {"dev", "test"})
public class LocalDesk {

    private static final Logger LOG = Logger.getLogger(LocalDesk.class);

    /** Lambda takes at most 6 MB in a synchronous invocation; the edge refuses far less than that. */
    static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;
    static final String SWEEP_PATH = "/dev/sweep";

    private HttpServer server;
    private ScheduledExecutorService schedule;
    private ExecutorService workers;
    private Map<String, Function<JsonNode, Object>> functions;
    private ObjectMapper json;
    private ClaimDeskConfig config;

    /** After the local engine is up and its table created ({@link LocalEngineForDevMode}). */
    void onStart(@Observes @Priority(3000) StartupEvent event, ClaimDeskConfig config, ClaimFunctions desk, ObjectMapper json)
            throws IOException {
        if (!config.dev().serve()) {
            return;
        }
        this.json = json;
        this.config = config;
        functions = Map.of(
                CaseTable.EVALUATE_CLAIM, desk::evaluateClaim,
                CaseTable.RECORD_REFUND, desk::recordRefund,
                CaseTable.FLAG_LATE_ARRIVAL, desk::flagLateArrival,
                CaseTable.RECORD_CLAIM, desk::recordClaim,
                CaseTable.SET_ASIDE, desk::setAside,
                CaseTable.CASE_DESK, desk::caseDesk);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.dev().httpPort()), 0);
        workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.createContext("/", this::serve);
        server.start();
        long every = config.dev().sweepEvery().toMillis();
        schedule = Executors.newSingleThreadScheduledExecutor();
        schedule.scheduleAtFixedRate(() -> sweep(Instant.now()), every, every, TimeUnit.MILLISECONDS);
        LOG.infof("The desk answers on http://localhost:%d (%s), its page at http://localhost:%d/; the sweep runs every %s, "
                + "or now with POST %s", port(), String.join(", ", Route.ALL.stream().map(Route::key).toList()), port(),
                config.dev().sweepEvery(), SWEEP_PATH);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
            schedule.shutdownNow();
        }
    }

    /** The port it listens on (the one configured, or the free one taken for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            if (body.length > MAX_REQUEST_BYTES) {
                send(exchange, 413, Map.of("Content-Type", "application/json"), "{\"message\":\"Request Entity Too Large\"}");
                return;
            }
            if (method.equals(Route.POST) && path.equals(SWEEP_PATH)) {
                sweepNow(exchange);
                return;
            }
            Match match = match(method, path);
            if (match == null && method.equals(Route.GET)) {
                page(exchange, path);
                return;
            }
            if (match == null) {
                // What API Gateway answers a request no route takes, a wrong method included.
                send(exchange, 404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
                return;
            }
            Object answer = functions.get(match.route().function()).apply(request(exchange, match, body));
            if (!(answer instanceof HttpEdge.Response response)) {
                throw new IllegalStateException(match.route().function() + " answered an HTTP request with " + answer);
            }
            send(exchange, response.statusCode(), response.headers(), response.body());
        } catch (RuntimeException e) {
            // A function that fails is a Lambda error; API Gateway answers it so.
            LOG.errorf(e, "%s %s failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            send(exchange, 500, Map.of("Content-Type", "application/json"), "{\"message\":\"Internal Server Error\"}");
        }
    }

    /**
     * The page's Content-Security-Policy: scripts, styles, images and calls from the page's own origin only, no inline
     * script or style, no plugin, no framing; calls to the sign-in domain besides (the token exchange), when there is
     * one. infra/template.yaml sends the same from CloudFront with Cognito's domain (TemplateTest compares the two).
     */
    public static String contentSecurityPolicy(String signInOrigin) {
        return "default-src 'self'; connect-src 'self'" + (signInOrigin == null ? "" : " " + signInOrigin)
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The page's file types, and nothing else: a request for any other file is answered as no route. */
    static final Map<String, String> PAGE_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    /**
     * GET of anything the API does not route: the desk page, as CloudFront serves it from its bucket on AWS. {@code /}
     * (also with the sign-in's {@code ?code=}) is index.html; {@code /config.json} is the page's runtime configuration,
     * which the deploy script writes on AWS and which here says there is no sign-in (or the configured stand-in's).
     */
    private void page(HttpExchange exchange, String rawPath) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy(config.dev().signInDomain().orElse(null)));
        headers.put("X-Content-Type-Options", "nosniff");
        // The sign-in's one-time code travels in the page's address: no other site is told it.
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-cache");
        if (rawPath.equals("/config.json")) {
            ObjectNode runtime = json.createObjectNode();
            runtime.put("api", "");
            if (config.dev().signInDomain().isPresent()) {
                runtime.putObject("signIn").put("domain", config.dev().signInDomain().get())
                        .put("clientId", config.dev().signInClientId().orElse("local"));
            } else {
                runtime.putNull("signIn");
            }
            headers.put("Content-Type", PAGE_TYPES.get("json"));
            send(exchange, 200, headers, json.writeValueAsString(runtime));
            return;
        }
        String name = rawPath.equals("/") ? "index.html" : rawPath.substring(1);
        java.nio.file.Path root = java.nio.file.Path.of(config.dev().pageDir()).toAbsolutePath().normalize();
        java.nio.file.Path file = root.resolve(name).normalize();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (!name.matches("[A-Za-z0-9_/-]+\\.[a-z]+") || !file.startsWith(root) || !PAGE_TYPES.containsKey(extension)
                || !java.nio.file.Files.isRegularFile(file)) {
            send(exchange, 404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
            return;
        }
        headers.put("Content-Type", PAGE_TYPES.get(extension));
        sendBytes(exchange, 200, headers, java.nio.file.Files.readAllBytes(file));
    }

    /** A route and the path's order id, as API Gateway matches them: whole segments, a path parameter non-empty. */
    record Match(Route route, String orderId) {
    }

    static Match match(String method, String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (Route route : Route.ALL) {
            String[] pattern = route.path().split("/", -1);
            if (!route.method().equals(method) || pattern.length != segments.length) {
                continue;
            }
            String orderId = null;
            boolean matches = true;
            for (int i = 0; i < pattern.length && matches; i++) {
                if (pattern[i].equals("{" + Route.ORDER_ID + "}")) {
                    orderId = URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                    matches = !orderId.isEmpty();
                } else {
                    matches = pattern[i].equals(segments[i]);
                }
            }
            if (matches) {
                return new Match(route, orderId);
            }
        }
        return null;
    }

    /** The HTTP API event (payload format 2.0) API Gateway would send the route's function for this request. */
    private ObjectNode request(HttpExchange exchange, Match match, byte[] body) {
        ObjectNode event = json.createObjectNode();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        event.put("version", "2.0");
        event.put("routeKey", match.route().key());
        event.put("rawPath", exchange.getRequestURI().getRawPath());
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Map<String, String> query = query(rawQuery);
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "local");
        context.put("apiId", "local");
        context.put("domainName", "localhost");
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
        http.put("path", exchange.getRequestURI().getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", match.route().key());
        context.put("stage", "$default");
        context.put("timeEpoch", System.currentTimeMillis());
        if (match.orderId() != null) {
            event.putObject("pathParameters").put(Route.ORDER_ID, match.orderId());
        }
        if (body.length > 0) {
            String text = utf8(body);
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** Query parameters decoded, a repeated one joined by commas, as API Gateway's {@code queryStringParameters}. */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** POST /dev/sweep[?time=instant]: the sweep as of now, or as of the instant given. */
    private void sweepNow(HttpExchange exchange) throws IOException {
        String time = query(exchange.getRequestURI().getRawQuery()).get("time");
        Instant at;
        try {
            at = time == null ? Instant.now() : Instant.parse(time);
        } catch (DateTimeParseException e) {
            send(exchange, 400, Map.of("Content-Type", "application/json"),
                    "{\"message\":\"time must be an instant such as 2026-06-10T06:00:00Z\"}");
            return;
        }
        send(exchange, 200, Map.of("Content-Type", "application/json"), json.writeValueAsString(sweep(at)));
    }

    /** The sweep, invoked as the schedule invokes it in AWS: directly, with EventBridge's Scheduled Event. */
    private Object sweep(Instant time) {
        ObjectNode scheduled = json.createObjectNode();
        scheduled.put("version", "0");
        scheduled.put("id", UUID.randomUUID().toString());
        scheduled.put("detail-type", "Scheduled Event");
        scheduled.put("source", "aws.events");
        scheduled.put("account", "local");
        scheduled.put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        scheduled.put("region", "local");
        scheduled.putArray("resources").add("local-sweep-schedule");
        scheduled.putObject("detail");
        try {
            return functions.get(CaseTable.FLAG_LATE_ARRIVAL).apply(scheduled);
        } catch (RuntimeException e) {
            LOG.errorf(e, "the sweep as of %s failed", time);
            return Map.of("message", "the sweep failed: " + e.getMessage());
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        sendBytes(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange exchange, int status, Map<String, String> headers, byte[] bytes) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
