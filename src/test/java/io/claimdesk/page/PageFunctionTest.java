package io.claimdesk.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.dev.LocalDesk;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Wording;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.StoredCase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.support.ui.Select;

/**
 * The desk page in a real browser (headless Chromium) against the whole desk as dev mode serves it: the README's
 * walkthrough done by a person through the page, and what that person sees, in French as the marketplace speaks it and
 * in English on demand; a refusal at its field, a failed call, a refund reason written as HTML. Each screen is saved as
 * a PNG under target/screenshots/.
 */
@QuarkusTest
@TestProfile(FunctionProfile.LocalDesk.class)
class PageFunctionTest {

    static final String ORDER = "171-5550123-7654321";
    private static final Wording FRENCH = Wording.of(Language.FR, Marketplace.FR);

    @Inject
    LocalDesk desk;

    private final HttpClient http = HttpClient.newHttpClient();

    private String base() {
        return "http://127.0.0.1:" + desk.port();
    }

    @Test
    void theReadmeWalkthroughThroughThePageAsAPersonSeesIt() throws Exception {
        ObjectNode order = Events.load("evaluate-claim.json");
        ObjectNode refund = Events.load("record-refund.json");
        ObjectNode arrival = Events.load("flag-late-arrival.json");
        LocalDate today = Events.todayInParis();
        try (Browser browser = Browser.start()) {
            browser.driver.get(base() + "/#/open");
            browser.waitFor(By.id("open-form"));
            assertThat(browser.driver.findElement(By.cssSelector("main h2")).getText()).isEqualTo("Open a case");

            // 1. The buyer says the order never came: the order's facts, as the README's evaluate-claim.json gives them.
            type(browser, "open-form-orderId", order.path("orderId").asText());
            select(browser, "open-form-marketplace", order.path("marketplace").asText());
            select(browser, "open-form-fulfilment", order.path("fulfilment").asText());
            day(browser, "open-form-orderDate", order.path("orderDate").asText());
            day(browser, "open-form-maxDeliveryDate", order.path("maxDeliveryDate").asText());
            type(browser, "open-form-orderTotal", order.path("orderTotal").asText());
            type(browser, "open-form-carrier", order.path("shipment").path("carrier").asText());
            type(browser, "open-form-trackingId", "AFTN0123456789");
            tick(browser, "open-form-tracking", order.path("shipment").path("tracking").asBoolean());
            tick(browser, "open-form-insured", order.path("shipment").path("insured").asBoolean());
            select(browser, "open-form-status", order.path("shipment").path("status").asText());
            day(browser, "open-form-reportedOn", order.path("reportedOn").asText());
            browser.screenshot("01-open-a-case");
            browser.driver.findElement(By.cssSelector("#open-form button[type=submit]")).click();

            // The case, in the marketplace's language, with dates and amounts as the API writes them in French.
            browser.waitUntilText(By.cssSelector("main h2"), "Commande " + ORDER);
            assertThat(text(browser, ".case-head .status")).isEqualTo("Ouvert");
            assertThat(text(browser, "#remaining")).isEqualTo(FRENCH.money(new BigDecimal("59.90"), Marketplace.FR.currency()))
                    .isEqualTo("59,90\u00a0€");
            assertThat(StoredCase.of(ORDER).item().get(CaseTable.TRACKING_ID).s())
                    .as("the tracking id Amazon's milestones will name the case by").isEqualTo("AFTN0123456789");
            JsonNode api = get("/cases/" + ORDER);
            assertThat(mark(browser, "ORDERED")).isEqualTo("1er mars 2026|Commande");
            assertThat(mark(browser, "MAX_DELIVERY")).isEqualTo(FRENCH.date(LocalDate.parse("2026-03-10")) + "|Livraison maximale");
            assertThat(mark(browser, "CLAIM_WINDOW_OPENS")).isEqualTo("13 mars 2026|Ouverture des réclamations");
            assertThat(mark(browser, "CLAIM_DEADLINE")).isEqualTo("8 juin 2026|Date limite de réclamation");
            WebElement todayMark = browser.driver.findElement(By.cssSelector(".timeline [data-what=TODAY]"));
            assertThat(todayMark.getDomAttribute("data-on")).as("today in Paris, not in the browser's zone").isEqualTo(today.toString());
            assertThat(mark(browser, "TODAY")).isEqualTo(FRENCH.date(today) + "|Aujourd'hui");
            assertThat(browser.driver.findElements(By.cssSelector(".timeline rect.band"))).isNotEmpty();
            assertThat(texts(browser, ".explanation .text")).containsExactlyElementsOf(
                    api.path("evaluation").path("explanation").findValuesAsText("text"));
            String contactDraft = api.path("evaluation").path("options").get(0).path("draft").path("text").asText();
            assertThat(text(browser, "[data-kind=CONTACT_BUYER] .draft pre")).isEqualTo(contactDraft).startsWith("Bonjour,")
                    .contains(ORDER).contains("10 mars 2026");
            browser.screenshot("02-case-fr");

            // The copy button puts the draft on the clipboard, as it is.
            browser.driver.setPermission("clipboard-read", "granted");
            browser.driver.setPermission("clipboard-write", "granted");
            browser.driver.findElement(By.cssSelector("[data-kind=CONTACT_BUYER] .draft button.copy")).click();
            browser.waitUntilText(By.cssSelector("[data-kind=CONTACT_BUYER] .copy-status"), "Copié.");
            assertThat(browser.asyncScript("navigator.clipboard.readText().then(arguments[0], e => arguments[0]('failed: ' + e))"))
                    .isEqualTo(contactDraft);

            // 2. A refund above what is left is refused at its field, with the API's message; what was typed stays.
            open(browser, "refund-form");
            assertThat(value(browser, "refund-form-amount")).as("prefilled with what remains").isEqualTo("59.90");
            type(browser, "refund-form-amount", "100.00");
            submit(browser, "refund-form");
            WebElement error = browser.waitFor(By.id("refund-form-amount-error"));
            assertThat(error.getText()).as("the API's own message").isEqualTo(refusalMessage(ORDER, "100.00"));
            assertThat(browser.driver.findElement(By.id("refund-form-amount")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(value(browser, "refund-form-amount")).isEqualTo("100.00");
            browser.screenshot("03-refusal-at-its-field");

            // The README's partial refund of 20.00.
            type(browser, "refund-form-amount", refund.path("amount").asText());
            type(browser, "refund-form-reason", refund.path("reason").asText());
            day(browser, "refund-form-refundedOn", refund.path("refundedOn").asText());
            submit(browser, "refund-form");
            browser.waitUntilText(By.cssSelector(".flash-title"), "Enregistré.");
            assertThat(text(browser, "#remaining")).isEqualTo("39,90\u00a0€");
            assertThat(text(browser, ".flash [data-purpose=REFUND_DONE] pre")).contains("20,00\u00a0€");
            assertThat(mark(browser, "REFUND")).isEqualTo("15 mars 2026|Remboursement · 20,00\u00a0€");
            assertThat(text(browser, ".refund .reason")).isEqualTo(refund.path("reason").asText());

            // 3. The parcel turns up after the refund; reported twice, the second is already recorded.
            open(browser, "arrival-form");
            day(browser, "arrival-form-deliveredOn", arrival.path("deliveredOn").asText());
            select(browser, "arrival-form-source", arrival.path("source").asText());
            submit(browser, "arrival-form");
            browser.waitUntilText(By.cssSelector(".case-head .status"), "Arrivé après un remboursement");
            assertThat(text(browser, ".flash-title")).isEqualTo("Enregistré.");
            assertThat(browser.driver.findElements(By.cssSelector(".flash [data-purpose=ASK_CONSENT_TO_CHARGE] pre"))).hasSize(1);
            assertThat(mark(browser, "ARRIVAL")).isEqualTo("20 mars 2026|Arrivée · transporteur");
            open(browser, "arrival-form");
            day(browser, "arrival-form-deliveredOn", arrival.path("deliveredOn").asText());
            select(browser, "arrival-form-source", arrival.path("source").asText());
            submit(browser, "arrival-form");
            browser.waitUntilText(By.cssSelector(".flash-title"), "Déjà enregistré");
            assertThat(text(browser, ".flash-title")).isEqualTo("Déjà enregistré\u00a0: rien n'a changé.");

            // 3b. The buyer consents: the case closes.
            open(browser, "follow-up-form");
            select(browser, "follow-up-form-followUp", "CONSENT_GIVEN");
            submit(browser, "follow-up-form");
            browser.waitUntilText(By.cssSelector(".case-head .status"), "Clôturé");
            assertThat(text(browser, ".case-head .close-reason")).isEqualTo(" · arrivée tardive réglée");
            assertThat(browser.driver.findElements(By.cssSelector(".history .entry")).stream()
                    .map(e -> e.getDomAttribute("data-event")).toList())
                    .containsExactly("CASE_OPENED", "REFUND_RECORDED", "ARRIVAL_REPORTED", "CONSENT_GIVEN");
            browser.screenshot("04-case-closed-fr");

            // The language switch: the page's words and the desk's sentences in English, with English formats.
            new Select(browser.driver.findElement(By.id("language"))).selectByValue("en");
            browser.waitUntilText(By.cssSelector("main h2"), "Order " + ORDER);
            JsonNode english = get("/cases/" + ORDER + "?language=en");
            assertThat(text(browser, ".case-head .status")).isEqualTo("Closed");
            assertThat(mark(browser, "ORDERED")).isEqualTo("1 March 2026|Ordered");
            assertThat(mark(browser, "REFUND")).isEqualTo("15 March 2026|Refund · €20.00");
            assertThat(texts(browser, ".explanation .text")).containsExactlyElementsOf(
                    english.path("evaluation").path("explanation").findValuesAsText("text"));
            browser.screenshot("05-case-en");

            // 375 px wide: nothing sticks out sideways.
            browser.resize(375, 800);
            assertThat(pageWidth(browser)).isLessThanOrEqualTo(375);
            browser.screenshot("06-case-375px");
        }
    }

    @Test
    void theTodayListAndTheOpeningFormAreUsable375PixelsWide() throws Exception {
        openCaseWhoseWindowOpensToday();
        try (Browser browser = Browser.start()) {
            browser.resize(375, 800);
            browser.driver.get(base() + "/#/");
            browser.waitFor(By.cssSelector("li.due"));
            assertThat(pageWidth(browser))
                    .as("the Today list: nothing sticks out sideways").isLessThanOrEqualTo(375);
            browser.screenshot("15-today-375px");

            browser.driver.get(base() + "/#/open");
            browser.waitFor(By.id("open-form"));
            assertThat(pageWidth(browser))
                    .as("the opening form: nothing sticks out sideways").isLessThanOrEqualTo(375);
            browser.screenshot("16-open-375px");
        }
    }

    @Test
    void aRefundReasonWrittenAsHtmlIsShownAsTextAndRunsNothing() throws Exception {
        String orderId = openCaseWhoseWindowOpensToday();
        String reason = "<img src=x onerror=alert(1)>";
        try (Browser browser = Browser.start()) {
            browser.driver.get(base() + "/#/");
            showOnToday(browser, orderId);
            assertThat(text(browser, "li.due[data-order-id='" + orderId + "'] .countdown")).isEqualTo("due today");
            browser.screenshot("07-today");
            browser.driver.findElement(By.linkText(orderId)).click();
            browser.waitUntilText(By.cssSelector("main h2"), orderId);
            browser.script("window.alerts = 0; window.alert = () => { window.alerts += 1; };");
            open(browser, "refund-form");
            type(browser, "refund-form-amount", "5.00");
            type(browser, "refund-form-reason", reason);
            submit(browser, "refund-form");
            browser.waitUntilText(By.cssSelector(".flash-title"), "Enregistré.");
            assertThat(get("/cases/" + orderId).path("caseView").path("refunds").get(0).path("reason").asText())
                    .as("the API accepts and returns it").isEqualTo(reason);
            assertThat(text(browser, ".refund .reason")).isEqualTo(reason);
            assertThat(browser.driver.findElements(By.cssSelector("main img"))).as("no element made of it").isEmpty();
            Thread.sleep(300);
            assertThat(browser.script("return window.alerts")).isEqualTo(0L);
            browser.screenshot("08-reason-as-text");
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(LocalDesk.contentSecurityPolicy(null));
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void aClaimTheAnswerToAmazonItsOutcomeAndASetAsideThroughTheirForms() throws Exception {
        String orderId = Events.newOrderId();
        LocalDate today = Events.todayInParis();
        java.time.ZoneId paris = Marketplace.FR.zone();
        post("/claims/evaluate", Events.evaluate(orderId).put("orderDate", today.minusDays(40).toString())
                .put("maxDeliveryDate", today.minusDays(20).toString()).put("reportedOn", today.minusDays(10).toString()).without("asOf"));
        java.time.LocalDateTime filed = java.time.LocalDateTime.now(paris).minusHours(2).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        try (Browser browser = Browser.start()) {
            browser.driver.get(base() + "/#/case/" + orderId);
            browser.waitUntilText(By.cssSelector("main h2"), orderId);

            // The buyer filed an A-to-z claim two hours ago, on the marketplace's clock.
            open(browser, "claim-form");
            day(browser, "claim-form-filedAt", filed.toString());
            type(browser, "claim-form-reference", "AZ-2026-0001");
            submit(browser, "claim-form");
            browser.waitUntilText(By.cssSelector(".case-head .status"), "Réclamation déposée");
            JsonNode claimed = get("/cases/" + orderId);
            assertThat(claimed.path("caseView").path("claim").path("filedAt").asText())
                    .as("the time typed, read on the marketplace's clock").isEqualTo(filed.atZone(paris).toInstant().toString());
            JsonNode answer = claimed.path("todos").get(0);
            assertThat(answer.path("kind").asText()).isEqualTo("ANSWER_CLAIM");
            long hours = answer.path("hoursLeft").asLong();
            assertThat(text(browser, ".todos [data-kind=ANSWER_CLAIM] .countdown")).isEqualTo("reste " + hours + " heures");
            assertThat(browser.driver.findElements(By.cssSelector(".timeline [data-what=RESPOND_BY]"))).hasSize(1);
            browser.screenshot("10-claim-to-answer");

            // The seller answered Amazon an hour ago; then Amazon granted the claim today.
            open(browser, "claim-form");
            day(browser, "claim-form-respondedAt", filed.plusHours(1).toString());
            submit(browser, "claim-form");
            browser.waitFor(By.cssSelector(".timeline [data-what=CLAIM_ANSWERED]"));
            open(browser, "claim-form");
            select(browser, "claim-form-outcome", "GRANTED");
            day(browser, "claim-form-decidedOn", today.toString());
            submit(browser, "claim-form");
            browser.waitUntilText(By.cssSelector(".case-head .status"), "Clôturé");
            assertThat(mark(browser, "APPEAL_BY")).isEqualTo(FRENCH.date(today.plusDays(30)) + "|Appel jusqu'au");

            // Set aside until three days from now, waiting for the buyer.
            open(browser, "set-aside-form");
            day(browser, "set-aside-form-until", today.plusDays(3).toString());
            select(browser, "set-aside-form-note", "WAITING_FOR_BUYER");
            submit(browser, "set-aside-form");
            browser.waitUntilText(By.cssSelector(".held"), FRENCH.date(today.plusDays(3)) + " · En attente de l'acheteur");
            assertThat(text(browser, ".flash-title")).isEqualTo("Enregistré.");
            assertThat(get("/cases/" + orderId).path("caseView").path("setAside").path("note").asText()).isEqualTo("WAITING_FOR_BUYER");
            browser.screenshot("11-claim-granted-set-aside");
        }
    }

    @Test
    void theTodayListFiltersByMarketplaceAndStatusPagesWithItsNextTokenAndSaysSoWhenNothingIsDue() throws Exception {
        LocalDate today = Events.todayInParis();
        // Italian cases only this test opens (the others open French and German ones): more than one page of 20.
        java.util.Set<String> italian = new java.util.HashSet<>();
        for (int i = 0; i < 23; i++) {
            String orderId = Events.newOrderId();
            italian.add(orderId);
            post("/claims/evaluate", Events.evaluate(orderId).put("marketplace", "IT").put("orderDate", today.minusDays(30).toString())
                    .put("maxDeliveryDate", today.minusDays(3).toString()).put("reportedOn", today.minusDays(1).toString()).without("asOf"));
        }
        // One of them has a claim to answer, filed an hour and a half ago: counted in hours.
        String claimed = italian.iterator().next();
        ObjectNode claim = Events.JSON.createObjectNode()
                .put("filedAt", java.time.Instant.now().minus(java.time.Duration.ofMinutes(90)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .put("reference", "AZ-IT-0001");
        post("/cases/" + claimed + "/claim", claim);
        try (Browser browser = Browser.start()) {
            browser.driver.get(base() + "/#/");
            browser.waitFor(By.id("filter-marketplace"));

            // No Japanese case: the list says so plainly.
            select(browser, "filter-marketplace", "JP");
            browser.waitUntilText(By.cssSelector(".today-state"), "Nothing needs you");
            assertThat(text(browser, ".today-state")).isEqualTo("Nothing needs you: no case is due.");
            assertThat(browser.driver.findElements(By.cssSelector("li.due"))).isEmpty();
            assertThat(browser.driver.findElement(By.cssSelector("button.more")).isDisplayed()).isFalse();
            browser.screenshot("12-today-empty");

            // The Italian cases, 20 a page: "More cases" reads the next page with the API's token, until there is none.
            select(browser, "filter-marketplace", "IT");
            browser.waitFor(By.cssSelector("li.due"));
            int clicks = 0;
            while (true) {
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15)).until(d ->
                        !text(browser, ".today-state").equals("Loading…"));
                WebElement more = browser.driver.findElement(By.cssSelector("button.more"));
                if (!more.isDisplayed()) {
                    break;
                }
                int before = browser.driver.findElements(By.cssSelector("li.due")).size();
                more.click();
                clicks++;
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15)).until(d ->
                        browser.driver.findElements(By.cssSelector("li.due")).size() > before
                                || !browser.driver.findElement(By.cssSelector("button.more")).isDisplayed());
                assertThat(clicks).as("pages").isLessThan(30);
            }
            List<String> listed = browser.driver.findElements(By.cssSelector("li.due")).stream()
                    .map(e -> e.getDomAttribute("data-order-id")).toList();
            assertThat(listed).as("every Italian case once, over more than one page").containsExactlyInAnyOrderElementsOf(italian);
            assertThat(clicks).isPositive();
            browser.screenshot("13-today-paged");

            // By status: the claim to answer alone, its countdown in hours as the API counts them.
            select(browser, "filter-status", "CLAIM_FILED");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15)).until(d ->
                    browser.driver.findElements(By.cssSelector("li.due")).size() == 1);
            JsonNode api = get("/cases?marketplace=IT&status=CLAIM_FILED&language=en");
            assertThat(api.path("cases")).hasSize(1);
            long hours = api.path("cases").get(0).path("hoursLeft").asLong();
            assertThat(browser.driver.findElements(By.cssSelector("li.due")).stream().map(e -> e.getDomAttribute("data-order-id")).toList())
                    .containsExactly(claimed);
            assertThat(text(browser, "li.due .countdown")).isEqualTo(hours + (hours == 1 ? " hour left" : " hours left"));
            assertThat(text(browser, "li.due .sentence .text")).isEqualTo(api.path("cases").get(0).path("todo").path("text").asText());
            browser.screenshot("14-today-claim-filed");
        }
    }

    @Test
    void aCaseOpensFromAPastedSpApiOrder() throws Exception {
        JsonNode order = Events.load("evaluate-spapi-v0.json").path("spapiOrder");
        try (Browser browser = Browser.start()) {
            browser.driver.get(base() + "/#/open");
            browser.waitFor(By.id("open-spapi-form"));
            // As getOrder answers it: the order inside its payload.
            browser.script("const e = document.getElementById('open-spapi-form-spapiOrder'); e.value = arguments[0];"
                    + "e.dispatchEvent(new Event('input', {bubbles: true}));", "{\"payload\": " + order + "}");
            submit(browser, "open-spapi-form");
            browser.waitUntilText(By.cssSelector("main h2"), order.path("AmazonOrderId").asText());
            assertThat(text(browser, "main h2")).isEqualTo("Bestellung " + order.path("AmazonOrderId").asText());
            assertThat(browser.driver.findElements(By.cssSelector("[data-kind=FBA_PROCESS]"))).hasSize(1);

            // Not JSON: refused at the field, before any call.
            browser.driver.get(base() + "/#/open");
            browser.waitFor(By.id("open-spapi-form"));
            type(browser, "open-spapi-form-spapiOrder", "{not json");
            submit(browser, "open-spapi-form");
            assertThat(browser.waitFor(By.id("open-spapi-form-spapiOrder-error")).getText()).startsWith("This is not JSON");
        }
    }

    @Test
    void aFailedCallKeepsWhatWasTypedEvenAcrossAReload() throws Exception {
        String orderId = Events.newOrderId();
        post("/claims/evaluate", Events.evaluate(orderId));
        try (Browser browser = Browser.start()) {
            browser.driver.get(base() + "/#/case/" + orderId);
            browser.waitUntilText(By.cssSelector("main h2"), orderId);
            open(browser, "follow-up-form");
            select(browser, "follow-up-form-followUp", "REPLACEMENT_ORDERED");
            type(browser, "follow-up-form-replacementOrderId", "402-1111111-2222222");
            browser.devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            browser.devTools.send(Network.emulateNetworkConditions(true, 0, -1, -1, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
            submit(browser, "follow-up-form");
            browser.waitUntilText(By.cssSelector("#follow-up-form .form-error"), "Le bureau est injoignable");
            assertThat(value(browser, "follow-up-form-replacementOrderId")).isEqualTo("402-1111111-2222222");
            browser.screenshot("09-unreachable");
            browser.devTools.send(Network.emulateNetworkConditions(false, 0, -1, -1, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
            browser.driver.navigate().refresh();
            browser.waitUntilText(By.cssSelector("main h2"), orderId);
            open(browser, "follow-up-form");
            assertThat(new Select(browser.driver.findElement(By.id("follow-up-form-followUp"))).getFirstSelectedOption()
                    .getDomAttribute("value")).isEqualTo("REPLACEMENT_ORDERED");
            assertThat(value(browser, "follow-up-form-replacementOrderId")).isEqualTo("402-1111111-2222222");
            assertThat(browser.script("return localStorage.length")).as("nothing in localStorage, ever").isEqualTo(0L);
        }
    }

    @Test
    void everyFieldHasALabelAndTheFormsWorkByKeyboard() throws Exception {
        String orderId = Events.newOrderId();
        post("/claims/evaluate", Events.evaluate(orderId));
        try (Browser browser = Browser.start()) {
            for (String screen : List.of("#/open", "#/case/" + orderId, "#/")) {
                browser.driver.get(base() + "/" + screen);
                browser.waitFor(By.cssSelector("main h2"));
                browser.waitFor(By.cssSelector("html[data-ready]"));
                Thread.sleep(200);
                Object unlabelled = browser.script("return Array.from(document.querySelectorAll('input, select, textarea'))"
                        + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                        + ".map(e => e.id || e.name)");
                assertThat((List<?>) unlabelled).as(screen).isEmpty();
            }
            browser.driver.get(base() + "/#/case/" + orderId);
            browser.waitUntilText(By.cssSelector("main h2"), orderId);
            WebElement summary = browser.driver.findElement(By.xpath("//form[@id='arrival-form']/preceding-sibling::summary"));
            browser.script("arguments[0].focus()", summary);
            summary.sendKeys(Keys.ENTER);
            assertThat(browser.driver.findElement(By.id("arrival-form-deliveredOn")).isDisplayed()).isTrue();
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("arrival-form-deliveredOn");
        }
    }

    @Test
    void datesAndAmountsAreWrittenAsTheApiWritesThemOnEveryPairOfLanguageAndMarketplace() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.driver.get(base() + "/#/open");
            browser.waitFor(By.cssSelector("html[data-ready]"));
            for (Marketplace marketplace : Marketplace.values()) {
                Object seen = browser.asyncScript("import('/js/format.js').then(f => arguments[1](f.MARKETPLACES[arguments[0]]))",
                        marketplace.name());
                assertThat((Map<?, ?>) seen).as(marketplace.name()).isEqualTo(Map.of("zone", marketplace.zone().getId(),
                        "currency", marketplace.currency().getCurrencyCode(), "language", marketplace.defaultLanguage().code()));
                for (Language language : Language.values()) {
                    Wording wording = Wording.of(language, marketplace);
                    boolean yen = marketplace.currency().getDefaultFractionDigits() == 0;
                    for (String day : List.of("2026-03-01", "2026-04-01", "2026-06-08", "2026-12-31")) {
                        assertThat(browser.asyncScript("import('/js/format.js').then(f => arguments[3](f.date(arguments[0], arguments[1], arguments[2])))",
                                day, language.code(), marketplace.name()))
                                .as(language + " on " + marketplace + ", " + day).isEqualTo(wording.date(LocalDate.parse(day)));
                    }
                    for (String instant : List.of("2026-03-29T00:59:00Z", "2026-03-29T01:00:00Z", "2026-10-25T13:05:00Z",
                            "2026-12-31T23:30:00Z")) {
                        assertThat(browser.asyncScript("import('/js/format.js').then(f => arguments[3](f.time(arguments[0], arguments[1], arguments[2])))",
                                instant, language.code(), marketplace.name()))
                                .as(language + " on " + marketplace + ", " + instant).isEqualTo(wording.time(java.time.Instant.parse(instant)));
                    }
                    for (String amount : yen ? List.of("5990", "123456", "0") : List.of("59.90", "1234.50", "0.05")) {
                        assertThat(browser.asyncScript("import('/js/format.js').then(f => arguments[4](f.money(arguments[0], arguments[1], arguments[2], arguments[3])))",
                                amount, marketplace.currency().getCurrencyCode(), language.code(), marketplace.name()))
                                .as(language + " on " + marketplace + ", " + amount)
                                .isEqualTo(wording.money(new BigDecimal(amount), marketplace.currency()));
                    }
                }
            }
            assertThat(browser.asyncScript("import('/js/format.js').then(f => arguments[0](f.instantOf('2026-03-29T02:30', 'FR') + ' '"
                    + " + f.instantOf('2026-10-25T02:30', 'FR') + ' ' + f.today('JP', new Date('2026-03-01T15:30:00Z'))))"))
                    .as("the marketplace's clock across its daylight-saving changes, and its day")
                    .isEqualTo("2026-03-29T01:30:00Z 2026-10-25T00:30:00Z 2026-03-02");
        }
    }

    // ---------------------------------------------------------------- what a person does and sees

    /** The text as written (WebDriver's visible text turns no-break spaces into spaces, which French writes). */
    /**
     * Reads the Today list as a person would, "More cases" after "More cases", until the order is shown: the other tests
     * of this class leave more than a page of cases to do, and which of them the first page holds depends on the index
     * shards their random order ids fall in.
     */
    private static void showOnToday(Browser browser, String orderId) {
        By entry = By.cssSelector("li.due[data-order-id='" + orderId + "']");
        browser.waitFor(By.cssSelector("li.due"));
        for (int pages = 1; browser.driver.findElements(entry).isEmpty(); pages++) {
            WebElement more = browser.driver.findElement(By.cssSelector("button.more"));
            assertThat(more.isDisplayed()).as(orderId + " on the Today list, after " + pages + " page(s)").isTrue();
            assertThat(pages).as("pages").isLessThan(30);
            int before = browser.driver.findElements(By.cssSelector("li.due")).size();
            more.click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15)).until(d ->
                    !browser.driver.findElements(entry).isEmpty()
                            || browser.driver.findElements(By.cssSelector("li.due")).size() > before
                            || !browser.driver.findElement(By.cssSelector("button.more")).isDisplayed());
        }
    }

    private static String text(Browser browser, String css) {
        return browser.driver.findElement(By.cssSelector(css)).getDomProperty("textContent");
    }

    private static List<String> texts(Browser browser, String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(e -> e.getDomProperty("textContent")).toList();
    }

    /** A mark of the timeline as it reads: its day, then what it is. */
    private static String mark(Browser browser, String what) {
        WebElement mark = browser.driver.findElement(By.cssSelector(".timeline [data-what=" + what + "]"));
        return mark.findElement(By.cssSelector("text.day")).getDomProperty("textContent") + "|"
                + mark.findElement(By.cssSelector("text.what")).getDomProperty("textContent");
    }

    private static String value(Browser browser, String id) {
        return browser.driver.findElement(By.id(id)).getDomProperty("value");
    }

    private static void type(Browser browser, String id, String text) {
        WebElement input = browser.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void select(Browser browser, String id, String value) {
        new Select(browser.driver.findElement(By.id(id))).selectByValue(value);
    }

    /** A date field: its value set as the browser's date picker would set it, whatever the picker's display format. */
    private static void day(Browser browser, String id, String isoDate) {
        browser.script("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                id, isoDate);
    }

    private static void tick(Browser browser, String id, boolean on) {
        WebElement box = browser.driver.findElement(By.id(id));
        if (box.isSelected() != on) {
            box.click();
        }
    }

    private static void open(Browser browser, String formId) {
        WebElement details = browser.driver.findElement(By.xpath("//form[@id='" + formId + "']/parent::details"));
        if (details.getDomAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private static void submit(Browser browser, String formId) {
        browser.driver.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    // ---------------------------------------------------------------- the API, to compare with

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Events.JSON.readTree(response.body());
    }

    /** What the API says to a refund of {@code amount} now (a refusal writes nothing). */
    private String refusalMessage(String orderId, String amount) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/cases/" + orderId + "/refunds"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"refundId\":\"probe\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(422);
        return Events.JSON.readTree(response.body()).path("message").asText();
    }

    /** A case whose claim window opens today, reported yesterday: it is on today's list. */
    private String openCaseWhoseWindowOpensToday() throws Exception {
        String orderId = Events.newOrderId();
        LocalDate today = Events.todayInParis();
        post("/claims/evaluate", Events.evaluate(orderId).put("orderDate", today.minusDays(30).toString())
                .put("maxDeliveryDate", today.minusDays(3).toString()).put("reportedOn", today.minusDays(1).toString()).without("asOf"));
        return orderId;
    }

    /** How wide the page is laid out: wider than the window means something sticks out sideways. */
    private static int pageWidth(Browser browser) {
        return ((Number) browser.script("return document.documentElement.scrollWidth")).intValue();
    }

    private void post(String path, JsonNode body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    }
}
