package io.claimdesk.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;

import io.claimdesk.cases.LocalEngine;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
