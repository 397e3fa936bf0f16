package io.claimdesk.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.claimdesk.cases.LocalEngine;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Starts a real DynamoDB-compatible engine (moto_server) on a free loopback port for the tests, and
 * stops it afterwards. Tests never use an in-memory fake of our own store.
 */
public class LocalDynamoDb implements QuarkusTestResourceLifecycleManager {

    private static volatile String endpoint;
    private static volatile Process process;

    @Override
    public Map<String, String> start() {
        try {
            int port = freePort();
            process = LocalEngine.start(port, false, Optional.empty());
            endpoint = "http://127.0.0.1:" + port;
            return Map.of("quarkus.dynamodb.endpoint-override", endpoint);
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto_server: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The engine of the running test application, for tests that inspect the table directly. */
    public static String endpoint() {
        return endpoint;
    }

    /** The engine process, for fault tests that stop it. */
    public static Process process() {
        return process;
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
        while (LocalEngine.listening(port) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /**
     * Starts a new, empty engine on the port the application is configured with (after {@link #kill()}).
     * The caller re-creates the table: nothing survives a restart of the in-memory engine.
     */
    public static Process restart() throws IOException {
        int port = URI.create(endpoint).getPort();
        process = LocalEngine.start(port, false, Optional.empty());
        return process;
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
