package io.claimdesk.dev;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.cases.CaseTable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Dev mode only ({@code ./mvnw quarkus:dev}): starts the local DynamoDB engine, {@code tools/local-engine}, on the
 * loopback port dev mode is configured with if nothing listens there, then creates the case table in the engine if it
 * is missing, from {@link CaseTable#createTableRequest}, the definition the template is checked against.
 * <p>
 * The engine runs in a session of its own, so it outlives dev mode's restarts and dev mode itself: the cases stay
 * from one run to the next. Its output goes to {@code target/local-dynamodb.log}, its pid to
 * {@code target/local-dynamodb.pid}.
 * <p>
 * A bean of the dev build profile only, and its class is left out of function.zip
 * ({@code quarkus.package.jar.user-configured-ignored-entries}): in AWS the template creates the table. It runs on
 * start-up, before dev mode says "Profile dev activated"; an event sent before that may reach the function first.
 */
@Singleton
@IfBuildProfile("dev")
public class LocalEngineForDevMode {

    private static final Logger LOG = Logger.getLogger(LocalEngineForDevMode.class);

    /** The engine's launcher, relative to the project directory. */
    static final Path ENGINE = Path.of("tools", "local-engine");

    void onStart(@Observes StartupEvent event, ClaimDeskConfig config, DynamoDbClient dynamo,
                 @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") Optional<URI> endpoint)
            throws IOException, InterruptedException {
        if (endpoint.isPresent() && isLoopback(endpoint.get()) && !listening(endpoint.get().getPort())) {
            start(endpoint.get());
        }
        try {
            dynamo.describeTable(b -> b.tableName(config.tableName()));
        } catch (ResourceNotFoundException e) {
            dynamo.createTable(CaseTable.createTableRequest(config.tableName()));
            LOG.infof("Created table %s at %s", config.tableName(), endpoint.map(URI::toString).orElse("the default endpoint"));
        }
    }

    private static void start(URI endpoint) throws IOException, InterruptedException {
        Path project = projectDir();
        Path target = project.resolve("target");
        Files.createDirectories(target);
        Path log = target.resolve("local-dynamodb.log");
        Process launcher = new ProcessBuilder(project.resolve(ENGINE).toString(), String.valueOf(endpoint.getPort()),
                "--detach", log.toString())
                .directory(project.toFile())
                .redirectErrorStream(true)
                .start();
        launcher.getOutputStream().close();
        String output;
        try (InputStream out = launcher.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        // It prints the engine's pid, last, once the engine listens; or says why it could not start it.
        String pid = output.substring(output.lastIndexOf('\n') + 1);
        if (!launcher.waitFor(90, TimeUnit.SECONDS) || launcher.exitValue() != 0 || !pid.matches("\\d+")) {
            launcher.destroyForcibly();
            throw new IllegalStateException("Dev mode could not start its local DynamoDB engine (" + ENGINE + ") on "
                    + endpoint + ": " + output + " (or start dev mode with -Dquarkus.dynamodb.endpoint-override="
                    + "http://host:port naming a running DynamoDB-compatible engine)");
        }
        Files.writeString(target.resolve("local-dynamodb.pid"), pid + "\n");
        LOG.infof("Started the local DynamoDB engine (%s, pid %s) on %s, logging to %s; it keeps running after dev mode "
                + "stops so cases survive restarts. Stop it with: kill %s", ENGINE, pid, endpoint, project.relativize(log), pid);
    }

    /**
     * The project directory, which holds {@link #ENGINE}: dev mode runs in it; failing that, the nearest directory above
     * the working directory or above this class's location that holds it.
     */
    static Path projectDir() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(LocalEngineForDevMode.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (RuntimeException | URISyntaxException e) {
            // no code source to start from: the working directory alone
        }
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isExecutable(dir.resolve(ENGINE))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException(ENGINE + " was not found in or above " + starts);
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Dev mode starts an engine only for http://127.0.0.1:N and http://localhost:N. */
    static boolean isLoopback(URI endpoint) {
        return "127.0.0.1".equals(endpoint.getHost()) || "localhost".equals(endpoint.getHost());
    }
}
