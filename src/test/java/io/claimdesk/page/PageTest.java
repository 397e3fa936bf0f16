package io.claimdesk.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimdesk.policy.ArrivalSource;
import io.claimdesk.policy.Attention;
import io.claimdesk.policy.CarrierStatus;
import io.claimdesk.policy.CaseStatus;
import io.claimdesk.policy.ClaimOutcome;
import io.claimdesk.policy.CloseReason;
import io.claimdesk.policy.Draft;
import io.claimdesk.policy.FollowUp;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Lifecycle;
import io.claimdesk.policy.OptionKind;
import io.claimdesk.policy.Timeline;

/**
 * The page's files as they are served, read without a browser: their weight, what they may not hold (inline script,
 * HTML made from strings, localStorage), and the labels' catalogue: the same labels in the six languages, each label
 * the page asks for present, each one present asked for, and one for every code of the API the page names.
 */
class PageTest {

    static final Path PAGE = Path.of("page");
    private static final int MAX_BYTES = 150 * 1024;

    private static Map<String, String> code;
    private static Map<String, Map<String, String>> catalogues;

    @BeforeAll
    static void read() throws IOException {
        code = new TreeMap<>();
        try (Stream<Path> files = Files.walk(PAGE)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(html|js|css)")).toList()) {
                code.put(PAGE.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        catalogues = new TreeMap<>();
        for (Language language : Language.values()) {
            catalogues.put(language.code(), new ObjectMapper().readValue(PAGE.resolve("labels").resolve(language.code() + ".json").toFile(),
                    new TypeReference<Map<String, String>>() { }));
        }
    }

    @Test
    void thePageWeighsAtMost150KbAndSoDoesAVisitWithTwoLanguages() throws IOException {
        long page = 0;
        for (String name : code.keySet()) {
            page += Files.size(PAGE.resolve(name));
        }
        long[] labels = new long[Language.values().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Files.size(PAGE.resolve("labels").resolve(Language.values()[i].code() + ".json"));
        }
        Arrays.sort(labels);
        long visit = page + labels[labels.length - 1] + labels[labels.length - 2];
        System.out.printf("desk page: %d bytes of HTML, JS and CSS; %d bytes with its two largest label files%n", page, visit);
        assertThat(page).as("HTML + JS + CSS").isLessThanOrEqualTo(MAX_BYTES);
        assertThat(visit).as("a visit that switches language once").isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void noInlineScriptNoInlineHandlerAndOneModuleEntry() {
        String html = code.get("index.html");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+\\s*=")
                .doesNotContainPattern("\\sstyle\\s*=").doesNotContainPattern("<style");
        assertThat(Pattern.compile("<script ").matcher(html).results().count()).isEqualTo(1);
        assertThat(html).contains("<script type=\"module\" src=\"js/main.js\"></script>");
    }

    @Test
    void noHtmlIsMadeFromStringsAndNothingIsKeptInLocalStorage() {
        code.forEach((name, text) -> {
            if (name.endsWith(".js")) {
                assertThat(text).as(name).doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                        .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("new Function")
                        .doesNotContainPattern("\\blocalStorage\\s*[.\\[]").doesNotContain("setAttribute('style'").doesNotContain("DOMParser");
            }
        });
    }

    @Test
    void everyLanguageHasTheSameLabelsNoneEmptyWithTheSamePlaceholders() {
        Map<String, String> english = catalogues.get("en");
        catalogues.forEach((language, labels) -> {
            assertThat(labels.keySet()).as(language).isEqualTo(english.keySet());
            labels.forEach((key, text) -> {
                assertThat(text).as(language + " " + key).isNotBlank();
                assertThat(placeholders(text)).as(language + " " + key).isEqualTo(placeholders(english.get(key)));
            });
        });
    }

    @Test
    void frenchLabelsPutANoBreakSpaceBeforeColonsAsTheApisFrenchDoes() {
        catalogues.get("fr").forEach((key, text) -> assertThat(text).as(key).doesNotContain(" :").doesNotContain(" ?")
                .doesNotContain(" ;").doesNotContain(" !"));
    }

    @Test
    void everyLabelThePageAsksForExistsAndEveryLabelIsAskedFor() {
        Set<String> asked = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        String all = String.join("\n", code.values());
        for (Pattern p : List.of(Pattern.compile("\\bt\\('([A-Za-z.]+)'"), Pattern.compile("data-t(?:-label)?=\"([A-Za-z.]+)\""),
                Pattern.compile("\\b(?:label|submit|hint|title|empty): '([a-z][A-Za-z]*\\.[A-Za-z.]+)'"),
                Pattern.compile("options\\('[A-Za-z]+', \\[[^\\]]*], '([a-z][A-Za-z]*\\.[A-Za-z.]+)'\\)"),
                Pattern.compile("\\bsay\\('([A-Za-z.]+)'"), Pattern.compile("\\bselect\\('[a-z-]+', '([A-Za-z.]+)'"))) {
            p.matcher(all).results().forEach(m -> asked.add(m.group(1)));
        }
        for (Pattern p : List.of(Pattern.compile("\\bname\\('([A-Za-z]+)'"), Pattern.compile("\\boptions\\('([A-Za-z]+)'"),
                Pattern.compile("\\bt\\(`([A-Za-z]+)\\.\\$\\{"))) {
            p.matcher(all).results().forEach(m -> prefixes.add(m.group(1) + "."));
        }
        Map<String, String> labels = catalogues.get("en");
        assertThat(asked).isNotEmpty();
        for (String key : asked) {
            assertThat(labels.containsKey(key) || labels.containsKey(key + ".other")).as("label " + key).isTrue();
        }
        for (String key : labels.keySet()) {
            String base = key.replaceAll("\\.(one|other)$", "");
            assertThat(asked.contains(key) || asked.contains(base) || prefixes.stream().anyMatch(key::startsWith))
                    .as("label " + key + " is asked for by the page").isTrue();
        }
    }

    @Test
    void everyCodeOfTheApiThePageNamesHasALabel() {
        Map<String, List<String>> codes = new HashMap<>();
        codes.put("status", names(CaseStatus.values()));
        codes.put("close", names(CloseReason.values()));
        codes.put("option", names(OptionKind.values()));
        codes.put("event", names(Lifecycle.Event.values()));
        codes.put("timeline", names(Timeline.Kind.values()));
        codes.put("source", names(ArrivalSource.values()));
        codes.put("followUp", names(FollowUp.values()));
        codes.put("outcome", names(ClaimOutcome.values()));
        codes.put("carrierStatus", names(CarrierStatus.values()));
        codes.put("fulfilment", names(Fulfilment.values()));
        codes.put("draft", names(Draft.Purpose.values()));
        codes.put("attention", names(Attention.Kind.values()));
        codes.put("phase", List.of("NOT_YET_OPEN", "OPEN", "LATE"));
        codes.put("note", names(io.claimdesk.policy.SetAside.Note.values()));
        catalogues.forEach((language, labels) -> codes.forEach((prefix, values) -> values.forEach(value ->
                assertThat(labels).as(language).containsKey(prefix + "." + value))));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
