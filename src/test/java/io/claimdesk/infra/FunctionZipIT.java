package io.claimdesk.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Lambda runs: target/function.zip, once the package phase wrote it, as {@code unzip -l} lists it. Production code
 * only: no class of dev mode or of the tests, no file of the desk page (S3 serves it on AWS), and no library dev mode
 * could pull in (an HTTP server, a scheduler).
 */
class FunctionZipIT {

    private static List<String> entries;

    @BeforeAll
    static void list() throws IOException {
        Path zip = Path.of("target", "function.zip");
        assertThat(zip).as("the package phase writes it").exists();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            entries = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void holdsTheFunctionsAndNoClassOfDevModeOrTheTests() throws IOException {
        assertThat(entries).contains("io/claimdesk/functions/ClaimFunctions.class", "io/claimdesk/functions/HttpEdge.class",
                "io/claimdesk/functions/Route.class", "io/claimdesk/policy/ClaimCase.class");
        assertThat(entries).noneMatch(e -> e.startsWith("io/claimdesk/dev/") && e.endsWith(".class"));
        assertThat(entries).noneMatch(e -> e.startsWith("io/claimdesk/testing/"));
        try (Stream<Path> dev = Files.walk(Path.of("target", "classes", "io", "claimdesk", "dev"))) {
            assertThat(dev.filter(p -> p.toString().endsWith(".class")).count())
                    .as("dev mode's classes exist, and are left out").isPositive();
        }
    }

    @Test
    void holdsNoFileOfTheDeskPage() throws IOException {
        try (Stream<Path> page = Files.walk(Path.of("page"))) {
            List<String> names = page.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            assertThat(names).as("the page has files, served by dev mode and S3").contains("index.html", "main.js", "fr.json");
            assertThat(entries).noneMatch(e -> names.contains(e.substring(e.lastIndexOf('/') + 1)));
        }
        assertThat(entries).noneMatch(e -> e.matches(".*\\.(html|js|css)$") || e.startsWith("page/") || e.contains("/labels/"));
    }

    @Test
    void holdsNoLibraryOfDevModeOrTheTests() {
        List<String> libraries = entries.stream().filter(e -> e.startsWith("lib/") && e.endsWith(".jar")).toList();
        assertThat(libraries).isNotEmpty();
        // SQS's client is dev mode's (it reads the local notification queue) and the tests': a provided dependency.
        assertThat(libraries).noneMatch(l -> l.matches(".*(vertx|netty|scheduler|quartz|undertow|jetty|junit|rest-assured"
                + "|selenium|velocity|snakeyaml|jqwik|assertj|sqs|apache-client).*"));
    }

    @Test
    void holdsWhatTheFunctionsFedByAQueueAndAStreamUse() {
        List<String> libraries = entries.stream().filter(e -> e.startsWith("lib/") && e.endsWith(".jar")).toList();
        // publishChanges' EventBridge client, and AWS's classes of the SQS and DynamoDB stream events.
        assertThat(libraries).anyMatch(l -> l.matches("lib/software\\.amazon\\.awssdk\\.eventbridge-.*\\.jar"))
                .anyMatch(l -> l.matches("lib/com\\.amazonaws\\.aws-lambda-java-events-.*\\.jar"));
        assertThat(entries).contains("io/claimdesk/cases/Bus.class", "io/claimdesk/functions/LambdaEvents.class",
                "io/claimdesk/functions/SpApiNotification.class");
    }
}
