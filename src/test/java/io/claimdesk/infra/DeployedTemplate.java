package io.claimdesk.infra;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * infra/template.yaml as CloudFormation deploys it: its Fn::ForEach loops expanded (AWS::LanguageExtensions) and SAM's
 * resources turned into plain CloudFormation (AWS::Serverless-2016-10-31), by the transforms cfn-lint runs offline
 * before it lints ({@code src/test/python/deployed_template.py}). Tests check what will exist, not how it is written.
 */
final class DeployedTemplate {

    static final Path TEMPLATE = Path.of("infra", "template.yaml");
    private static final Path SCRIPT = Path.of("src", "test", "python", "deployed_template.py");

    private static Map<String, Object> loaded;

    private DeployedTemplate() {
    }

    static synchronized Map<String, Object> load() throws IOException, InterruptedException {
        if (loaded == null) {
            Path python = python();
            Process process = new ProcessBuilder(python.toString(), SCRIPT.toString(), TEMPLATE.toString()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(SCRIPT + " failed: " + err);
            }
            loaded = new ObjectMapper().readValue(out, new TypeReference<Map<String, Object>>() { });
        }
        return loaded;
    }

    /** The python3 that has cfn-lint (which the template tests need anyway): on PATH, else pyenv's. */
    private static Path python() throws IOException, InterruptedException {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                candidates.add(Path.of(entry, "python3"));
            }
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims", "python3"));
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                Process probe = new ProcessBuilder(candidate.toString(), "-c", "import cfnlint").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no python3 with cfn-lint on PATH nor in ~/.pyenv/shims: install it (pip install cfn-lint)");
    }
}
