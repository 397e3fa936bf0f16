package io.claimdesk.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The tests' DynamoDB: the project's local engine, {@code tools/local-engine} (moto_server's application serving one
 * request at a time, as DynamoDB applies conditional writes to one item), on a free loopback port, with the case
 * table created in it ({@link Table#create()}); stopped afterwards. Started with each test profile's application
 * ({@link FunctionProfile#testResources()}). Tests never use an in-memory fake of our own store.
 */
public class LocalDynamoDb implements QuarkusTestResourceLifecycleManager {

    /** The engine's launcher; the tests run in the project directory. */
    static final Path ENGINE = Path.of("tools", "local-engine").toAbsolutePath();

    private static volatile String endpoint;
    private static volatile Process process;
    private static volatile Path log;

    @Override
    public Map<String, String> start() {
        try {
            int port = freePort();
            process = launch(port);
            endpoint = "http://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + ENGINE + ": " + e.getMessage(), e);
        }
        Table.reset();
        Table.create();
        return Map.of("quarkus.dynamodb.endpoint-override", endpoint, "claimdesk.table-name", Table.NAME);
    }

    @Override
    public void stop() {
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Table.reset();
    }

    /** The engine of the running test application, for tests that inspect the table directly. */
    public static String endpoint() {
        return endpoint;
    }

    /** Stops the engine as a crash would (its in-memory tables are lost) and waits until it has exited. */
    public static void kill() throws InterruptedException {
        Process p = process;
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        int port = URI.create(endpoint).getPort();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listening(port) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /**
     * Starts a new, empty engine on the port the application is configured with (after {@link #kill()}).
     * The caller re-creates the table: nothing survives a restart of the in-memory engine.
     */
    public static void restart() throws IOException {
        process = launch(URI.create(endpoint).getPort());
    }

    /** A client of its own against the test engine, to inspect or prepare the table around the application. */
    public static DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Runs the engine in the foreground on 127.0.0.1:{@code port}, its output in a temporary file; returns once it listens. */
    private static Process launch(int port) throws IOException {
        if (log == null) {
            log = Files.createTempFile("local-dynamodb-", ".log");
            log.toFile().deleteOnExit();
        }
        Process engine = new ProcessBuilder(ENGINE.toString(), String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!listening(port)) {
            if (!engine.isAlive()) {
                throw new IllegalStateException(ENGINE + " exited with code " + engine.exitValue() + " before listening on port "
                        + port + ": " + Files.readString(log).strip());
            }
            if (System.nanoTime() > deadline) {
                engine.destroyForcibly();
                throw new IllegalStateException(ENGINE + " did not listen on port " + port + " within 60 s: " + Files.readString(log).strip());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                engine.destroyForcibly();
                throw new IllegalStateException("interrupted while waiting for " + ENGINE, e);
            }
        }
        return engine;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
