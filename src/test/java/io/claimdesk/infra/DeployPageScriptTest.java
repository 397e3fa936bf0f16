package io.claimdesk.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * infra/deploy-page.sh run against a stand-in of the AWS CLI (a script first on PATH that answers the stack's outputs and
 * writes down every other call): it copies page/ without the local configuration, writes config.json from the outputs,
 * invalidates the distribution, and stops with a clear message when the stack lacks an output.
 */
class DeployPageScriptTest {

    private static final Map<String, String> OUTPUTS = Map.of(
            "PageBucketName", "claim-desk-pagebucket-abc", "PageDistributionId", "E2EXAMPLE",
            "SignInDomain", "https://desk-1234.auth.eu-west-3.amazoncognito.com", "DeskPageClientId", "4abcclient",
            "DeskUserPoolId", "eu-west-3_Example", "PageUrl", "https://d111111abcdef8.cloudfront.net/");

    @Test
    void copiesThePageWritesItsConfigurationFromTheOutputsAndInvalidates(@TempDir Path bin) throws Exception {
        Path calls = bin.resolve("calls.log");
        stubAws(bin, calls, OUTPUTS);
        Run run = run(bin, "my-stack");
        assertThat(run.exit()).as(run.output()).isZero();
        List<String> lines = Files.readAllLines(calls);
        assertThat(lines.stream().filter(l -> l.startsWith("cloudformation describe-stacks")))
                .as("the stack named on the command line").hasSize(OUTPUTS.size()).allMatch(l -> l.contains("--stack-name my-stack "));
        assertThat(lines).anyMatch(l -> l.startsWith("s3 sync page/ s3://claim-desk-pagebucket-abc/ --delete --exclude config.json"));
        assertThat(lines).anyMatch(l -> l.startsWith("s3 cp ") && l.contains("s3://claim-desk-pagebucket-abc/config.json")
                && l.contains("--content-type application/json"));
        assertThat(lines).anyMatch(l -> l.startsWith("cloudfront create-invalidation --distribution-id E2EXAMPLE --paths /*"));
        JsonNode config = new ObjectMapper().readTree(bin.resolve("config.json").toFile());
        assertThat(config.path("api").asText()).isEmpty();
        assertThat(config.path("signIn").path("domain").asText()).isEqualTo(OUTPUTS.get("SignInDomain"));
        assertThat(config.path("signIn").path("clientId").asText()).isEqualTo("4abcclient");
        assertThat(config.path("signIn").path("userPool").asText()).isEqualTo("eu-west-3_Example");
        assertThat(run.output()).contains("https://d111111abcdef8.cloudfront.net/");
    }

    @Test
    void stopsWithAClearMessageWhenTheStackHasNoSuchOutput(@TempDir Path bin) throws Exception {
        Path calls = bin.resolve("calls.log");
        stubAws(bin, calls, Map.of("PageBucketName", "b"));
        Run run = run(bin, "my-stack");
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("the stack my-stack has no output PageDistributionId");
        assertThat(Files.exists(calls) ? Files.readString(calls) : "").doesNotContain("s3 sync");
    }

    record Run(int exit, String output) {
    }

    private static Run run(Path bin, String stack) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "infra/deploy-page.sh", stack).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** An aws command that answers describe-stacks from {@code outputs} and writes down every other call. */
    private static void stubAws(Path bin, Path calls, Map<String, String> outputs) throws IOException {
        StringBuilder answers = new StringBuilder();
        outputs.forEach((key, value) -> answers.append("  *\"'").append(key).append("'\"*) echo '").append(value).append("' ;;\n"));
        String script = "#!/usr/bin/env bash\n"
                + "echo \"$*\" >> '" + calls + "'\n"
                + "if [ \"$1 $2\" = \"cloudformation describe-stacks\" ]; then\n"
                + "  case \"$*\" in\n" + answers + "  *) echo None ;;\n  esac\n  exit 0\nfi\n"
                + "if [ \"$1 $2\" = \"s3 cp\" ]; then cp \"$3\" '" + bin.resolve("config.json") + "'; fi\n";
        Path aws = bin.resolve("aws");
        Files.writeString(aws, script);
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
