package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.dev.LocalDesk;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough, its very curl lines, against the local server dev mode runs ({@link LocalDesk}): every
 * route of the API in one process, on a free loopback port, each request handed to its function as API Gateway does.
 */
@QuarkusTest
@TestProfile(FunctionProfile.LocalDesk.class)
class LocalDeskFunctionTest {

    static final String ORDER = "171-5550123-7654321";
    private static final Pattern IN_DAYS = Pattern.compile("\\$\\(date -u -d '\\+(\\d+) days' \\+%Y-%m-%dT%H:%M:%SZ\\)");

    @Inject
    LocalDesk desk;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One curl line of the README, as the request it makes. */
    record Curl(String method, String pathAndQuery, String body) {
    }

    @Test
    void theReadmeWalkthroughRunsAgainstTheLocalServerInOneProcess() throws Exception {
        List<Curl> steps = walkthrough();
        assertThat(steps).extracting(Curl::method).containsExactly("POST", "POST", "POST", "POST", "POST", "GET", "GET");

        JsonNode evaluation = ok(steps.get(0));
        assertThat(evaluation.path("claimWindow").path("opensOn").asText()).isEqualTo("2026-03-13");
        assertThat(evaluation.path("claimWindow").path("deadline").asText()).isEqualTo("2026-06-08");
        assertThat(evaluation.path("phase").path("daysLeft").asInt()).isEqualTo(86);
        assertThat(evaluation.path("options").findValuesAsText("kind"))
                .containsExactly("CONTACT_BUYER", "REFUND", "REFUND_AND_REORDER", "CARRIER_ASSISTANCE");
        assertThat(evaluation.path("language").asText()).isEqualTo("fr");

        JsonNode refund = ok(steps.get(1));
        assertThat(refund.path("replay").asBoolean()).isFalse();
        assertThat(refund.path("caseView").path("refunded").asText()).isEqualTo("20.00");
        assertThat(refund.path("caseView").path("remaining").asText()).isEqualTo("39.90");
        assertThat(refund.path("draft").path("text").asText()).contains("20,00\u00a0€");
        JsonNode again = ok(steps.get(1));
        assertThat(again.path("replay").asBoolean()).as("sent again").isTrue();
        assertThat(again.path("caseView").path("version").asLong()).isEqualTo(refund.path("caseView").path("version").asLong());

        JsonNode arrival = ok(steps.get(2));
        assertThat(arrival.path("arrival").path("decision").asText()).isEqualTo("ASK_CONSENT_TO_CHARGE");
        assertThat(arrival.path("arrival").path("caseView").path("status").asText()).isEqualTo("LATE_ARRIVAL_FLAGGED");

        JsonNode consent = ok(steps.get(3));
        assertThat(consent.path("followUp").path("followUp").asText()).isEqualTo("CONSENT_GIVEN");
        assertThat(consent.path("followUp").path("caseView").path("status").asText()).isEqualTo("CLOSED");
        assertThat(consent.path("followUp").path("caseView").path("closeReason").asText()).isEqualTo("LATE_ARRIVAL_SETTLED");

        JsonNode sweep = ok(steps.get(4));
        assertThat(sweep.path("sweep").has("examined")).isTrue();
        assertThat(sweep.path("sweep").path("changedOrders").toString()).doesNotContain(ORDER);

        JsonNode theCase = ok(steps.get(5));
        assertThat(theCase.path("caseView").path("status").asText()).isEqualTo("CLOSED");
        assertThat(theCase.path("caseView").path("history").size()).isEqualTo(4);
        assertThat(theCase.path("timeline").findValuesAsText("what")).containsExactly(
                "ORDERED", "MAX_DELIVERY", "CLAIM_WINDOW_OPENS", "REFUND", "ARRIVAL", "CLAIM_DEADLINE");

        JsonNode list = ok(steps.get(6));
        assertThat(list.path("cases").isArray()).isTrue();
        assertThat(list.path("cases").findValuesAsText("orderId")).doesNotContain(ORDER);
    }

    @Test
    void aRefusalAnUnknownRouteAndAWrongMethodAnswerAsTheDeployedApiDoes() throws Exception {
        Fixtures.openCase(functions, "local-desk-refusal");
        HttpResponse<String> refused = send("POST", "/cases/local-desk-refusal/refunds",
                Events.refund("x").put("amount", "900.00").toString());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = Events.JSON.readTree(refused.body());
        assertThat(body.path("code").asText()).isEqualTo("REFUND_EXCEEDS_REMAINING");
        assertThat(body.path("field").asText()).isEqualTo("amount");

        for (String[] request : List.of(new String[] {"GET", "/nowhere"}, new String[] {"GET", "/claims/evaluate"},
                new String[] {"DELETE", "/cases/local-desk-refusal"}, new String[] {"POST", "/cases//refunds"},
                new String[] {"GET", "/cases/local-desk-refusal/refunds"})) {
            HttpResponse<String> notFound = send(request[0], request[1], null);
            assertThat(notFound.statusCode()).as(String.join(" ", request)).isEqualTo(404);
            assertThat(notFound.body()).isEqualTo("{\"message\":\"Not Found\"}");
        }

        HttpResponse<String> notJson = send("POST", "/claims/evaluate", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Events.JSON.readTree(notJson.body()).path("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    @Inject
    ClaimFunctions functions;

    @Test
    void itListensOnTheLoopbackOnly() {
        assertThat(desk.address().getAddress().isLoopbackAddress()).isTrue();
    }

    /** The curl lines of the README's walkthrough block, in order. */
    static List<Curl> walkthrough() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Walkthrough");
        String block = readme.substring(readme.indexOf("```sh", start), readme.indexOf("```\n", readme.indexOf("```sh", start) + 5));
        List<Curl> curls = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (line.startsWith("curl ")) {
                curls.add(parse(line));
            }
        }
        return curls;
    }

    static Curl parse(String line) throws IOException {
        Matcher days = IN_DAYS.matcher(line);
        String resolved = days.find() ? days.replaceAll(Instant.now().plus(Long.parseLong(days.group(1)), ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS).toString()) : line;
        List<String> words = words(resolved);
        String method = null;
        String url = null;
        String body = null;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-s" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> i++;
                case "-d" -> body = Files.readString(Path.of(words.get(++i).substring(1)));
                default -> url = word;
            }
        }
        assertThat(url).as(line).startsWith("localhost:8080/");
        return new Curl(method != null ? method : body != null ? "POST" : "GET", url.substring("localhost:8080".length()), body);
    }

    /** A shell line's words, quotes removed (no expansion: the README's lines have none left). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words;
    }

    private JsonNode ok(Curl curl) throws Exception {
        HttpResponse<String> response = send(curl.method(), curl.pathAndQuery(), curl.body());
        assertThat(response.statusCode()).as(curl + ": " + response.body()).isEqualTo(200);
        return Events.JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.port() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
