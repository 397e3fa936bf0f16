package io.claimdesk.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.dev.LocalDesk;
import io.claimdesk.testing.CognitoStandIn;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in as on AWS, in a real browser, against a local stand-in of Cognito's hosted sign-in ({@link CognitoStandIn}):
 * the redirect to the authorize endpoint with a PKCE challenge, the code exchanged with its verifier, the token kept in
 * the tab only and sent to the API, a session that ends when the token expires with what was typed kept, and sign-out.
 */
@QuarkusTest
@TestProfile(FunctionProfile.LocalDeskSignIn.class)
class PageSignInFunctionTest {

    @Inject
    LocalDesk desk;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void signsInWithPkceSendsTheTokenEndsWithItKeepingWhatWasTypedAndSignsOut() throws Exception {
        String page = "http://127.0.0.1:" + desk.port();
        String domain = ConfigProvider.getConfig().getValue("claimdesk.dev.sign-in-domain", String.class);
        standIn(domain, "/_test/next?seconds=3600");
        try (Browser browser = Browser.start()) {
            List<String> bearers = new CopyOnWriteArrayList<>();
            browser.devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            browser.devTools.addListener(Network.requestWillBeSent(), sent -> {
                if (sent.getRequest().getUrl().startsWith(page + "/cases")) {
                    bearers.add(String.valueOf(sent.getRequest().getHeaders().toJson().get("Authorization")));
                }
            });

            // Not signed in: the page asks for it and calls nothing.
            browser.driver.get(page + "/#/");
            browser.waitFor(By.id("sign-in-main"));
            assertThat(browser.driver.findElement(By.cssSelector("main h2")).getText()).isEqualTo("Sign in");
            browser.screenshot("20-sign-in");
            assertThat(bearers).isEmpty();

            // The redirect to the hosted sign-in: authorization code, PKCE with S256, state, back to the page's origin.
            browser.driver.findElement(By.id("sign-in-main")).click();
            browser.waitFor(By.id("signInSubmitButton"));
            Map<String, String> authorize = query(browser.driver.getCurrentUrl());
            assertThat(browser.driver.getCurrentUrl()).startsWith(domain + "/oauth2/authorize?");
            assertThat(authorize).containsEntry("response_type", "code").containsEntry("client_id", CognitoStandIn.CLIENT_ID)
                    .containsEntry("redirect_uri", page + "/").containsEntry("code_challenge_method", "S256")
                    .containsKeys("state", "scope");
            assertThat(authorize.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
            browser.driver.findElement(By.id("username")).sendKeys("agent@seller.example");
            browser.driver.findElement(By.id("signInSubmitButton")).click();

            // Back on the page: the code exchanged with the verifier of that challenge; the token in this tab only.
            browser.waitUntilText(By.cssSelector("#user .who"), "agent@seller.example");
            browser.waitFor(By.cssSelector("main h2"));
            JsonNode seen = standIn(domain, "/_test/seen");
            JsonNode exchange = seen.path("exchanges").get(0);
            assertThat(exchange.path("grantType").asText()).isEqualTo("authorization_code");
            assertThat(exchange.path("verifierMatchesChallenge").asBoolean()).isTrue();
            assertThat(exchange.path("verifierLength").asInt()).isBetween(43, 128);
            assertThat(exchange.path("origin").asText()).isEqualTo(page);
            String token = browser.sessionStorage("desk.token").orElseThrow();
            assertThat(token.split("\\.")).hasSize(3);
            assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
            assertThat(browser.driver.getCurrentUrl()).as("the code leaves the address").doesNotContain("code=");
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> !bearers.isEmpty());
            assertThat(bearers).allMatch(("Bearer " + token)::equals);
            browser.screenshot("21-signed-in");

            // A session that ends when its token does: what was typed stays for after the next sign-in.
            standIn(domain, "/_test/next?seconds=4");
            browser.driver.findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("sign-in-main"));
            assertThat(seen(domain).path("logouts").get(0).path("logout_uri").asText()).isEqualTo(page + "/");
            assertThat(browser.sessionStorage("desk.token")).as("signed out: no token").isEmpty();
            browser.driver.findElement(By.id("sign-in-main")).click();
            browser.waitFor(By.id("username")).sendKeys("agent@seller.example");
            browser.driver.findElement(By.id("signInSubmitButton")).click();
            browser.waitUntilText(By.cssSelector("#user .who"), "agent@seller.example");
            browser.driver.get(page + "/#/open");
            browser.waitFor(By.id("open-form-orderId")).sendKeys("typed-before-it-ended");
            browser.waitUntilText(By.cssSelector("#notice"), "Your session has ended");
            browser.waitFor(By.id("sign-in-main"));
            assertThat(browser.sessionStorage("desk.token")).isEmpty();
            browser.screenshot("22-session-ended");
            standIn(domain, "/_test/next?seconds=3600");
            browser.driver.findElement(By.id("sign-in-main")).click();
            browser.waitFor(By.id("username")).sendKeys("agent@seller.example");
            browser.driver.findElement(By.id("signInSubmitButton")).click();
            browser.waitFor(By.id("open-form-orderId"));
            assertThat(browser.driver.findElement(By.id("open-form-orderId")).getDomProperty("value")).isEqualTo("typed-before-it-ended");

            // A reader sees the case and its forms, which say why they cannot be sent (the API would refuse: 403).
            String orderId = Events.newOrderId();
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(page + "/claims/evaluate"))
                    .POST(HttpRequest.BodyPublishers.ofString(Events.evaluate(orderId).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).isEqualTo(200);
            standIn(domain, "/_test/next?seconds=3600&groups=desk-readers");
            browser.driver.findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("sign-in-main")).click();
            browser.waitFor(By.id("username")).sendKeys("reader@seller.example");
            browser.driver.findElement(By.id("signInSubmitButton")).click();
            browser.waitUntilText(By.cssSelector("#user .who"), "reader@seller.example");
            browser.driver.get(page + "/#/case/" + orderId);
            browser.waitUntilText(By.cssSelector("main h2"), orderId);
            assertThat(browser.driver.findElement(By.cssSelector("#refund-form button[type=submit]")).isEnabled()).isFalse();
            assertThat(browser.driver.findElement(By.cssSelector("#refund-form")).getDomProperty("textContent"))
                    .contains("Vous pouvez consulter le bureau mais pas enregistrer");

            // Sign-out: through the hosted sign-in's logout, back to the page, nothing of the session left in the tab.
            browser.driver.findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("sign-in-main"));
            assertThat(seen(domain).path("logouts").size()).isEqualTo(3);
            assertThat(browser.script("return Object.keys(sessionStorage).filter(k => k.startsWith('desk.token') "
                    + "|| k.startsWith('desk.draft')).length")).isEqualTo(0L);
        }
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(page + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(index.headers().firstValue("Content-Security-Policy")).as("calls to the sign-in domain are allowed, no other")
                .hasValue(LocalDesk.contentSecurityPolicy(domain));
    }

    private JsonNode seen(String domain) throws Exception {
        return standIn(domain, "/_test/seen");
    }

    private JsonNode standIn(String domain, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(domain + path));
        if (path.startsWith("/_test/next")) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.body().isEmpty() ? Events.JSON.createObjectNode() : Events.JSON.readTree(response.body());
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] nv = pair.split("=", 2);
            values.put(URLDecoder.decode(nv[0], StandardCharsets.UTF_8), URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
