package io.claimdesk.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The template must lint clean: no error, warning or informational finding from cfn-lint (with SAM). */
class CfnLintTest {

    @Test
    void templateLintsClean() throws IOException, InterruptedException {
        Path cfnLint = findCfnLint().orElse(null);
        if (cfnLint == null) {
            fail("cfn-lint was not found on PATH nor in ~/.pyenv/shims; install it (pip install cfn-lint) to run this check");
        }
        Process process = new ProcessBuilder(cfnLint.toString(), "infra/template.yaml")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("cfn-lint did not finish within 2 minutes");
        }
        assertThat(output).as("cfn-lint output").isEmpty();
        assertThat(process.exitValue()).as("cfn-lint exit code").isZero();
    }

    private static Optional<Path> findCfnLint() {
        List<Path> directories = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                directories.add(Path.of(entry));
            }
        }
        directories.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims"));
        return directories.stream()
                .map(directory -> directory.resolve("cfn-lint"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
