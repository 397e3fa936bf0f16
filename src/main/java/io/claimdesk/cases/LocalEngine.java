package io.claimdesk.cases;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the local DynamoDB-compatible engine (moto_server, Apache-2.0) for dev mode and tests.
 * Amazon's DynamoDB Local is deliberately not used (its licence is not open source).
 */
public final class LocalEngine {

    private static final String INSTALL_HINT = "moto_server was not found on PATH nor in ~/.pyenv/shims. "
            + "Install it with: pip install 'moto[server]'  (or point quarkus.dynamodb.endpoint-override at a running "
            + "DynamoDB-compatible engine).";

    private LocalEngine() {
    }

    /** The moto_server executable, or a clear error saying how to get it. */
    public static Path executable() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "moto_server"));
            }
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims", "moto_server"));
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
    }

    /**
     * Starts moto on 127.0.0.1:{@code port} and waits until it accepts connections.
     * {@code detached}: in its own session, so it outlives the JVM (dev mode keeps cases across restarts).
     */
    public static Process start(int port, boolean detached, Optional<Path> log) throws IOException {
        List<String> command = new ArrayList<>();
        if (detached && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(executable().toString(), "-H", "127.0.0.1", "-p", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (log.isPresent()) {
            Files.createDirectories(log.get().getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.get().toFile()));
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!listening(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with code " + process.exitValue()
                        + " before listening on port " + port + log.map(l -> "; see " + l).orElse(""));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("moto_server did not listen on port " + port + " within 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        return process;
    }

    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True for http://127.0.0.1:N and http://localhost:N, the only endpoints we ever start an engine for. */
    public static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        return "127.0.0.1".equals(host) || "localhost".equals(host);
    }
}
