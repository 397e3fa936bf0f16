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
 * <p>
 * moto evaluates a condition expression and then applies the write as two separate steps, with no lock,
 * while its server handles each request on its own thread: two concurrent conditional writes to one item
 * can both pass their conditions (seen with two "full" refunds of one order, both recorded). DynamoDB
 * applies conditional writes to one item atomically, one after the other. So the engine is started
 * through {@link #SERIALIZED}: moto's own application behind a lock, one request at a time, which is
 * the guarantee DynamoDB gives per item and what the store's conditional writes rely on.
 */
public final class LocalEngine {

    /** moto's server application (as moto_server builds it) behind one lock, each request alone. */
    static final String SERIALIZED = String.join("\n",
            "import os, sys, threading",
            "from werkzeug.serving import run_simple",
            "from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app",
            "host, port = sys.argv[1], int(sys.argv[2])",
            "os.environ.setdefault('MOTO_PORT', str(port))",
            "app = DomainDispatcherApplication(create_backend_app)",
            "lock = threading.Lock()",
            "def serialized(environ, start_response):",
            "    with lock:",
            "        return list(app(environ, start_response))",
            "run_simple(host, port, serialized, threaded=True)");

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
        Path moto = executable();
        command.addAll(python(moto)
                .map(python -> List.of(python.toString(), "-c", SERIALIZED, "127.0.0.1", String.valueOf(port)))
                .orElseThrow(() -> new IllegalStateException("no Python interpreter found for " + moto
                        + " (looked at its #! line and for python3 beside it)")));
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

    /**
     * The Python that runs moto_server: the interpreter named on its {@code #!} line (pip and venv scripts),
     * else {@code python3} beside it (pyenv shims, which resolve to the same Python as the moto_server shim).
     */
    static Optional<Path> python(Path motoServer) throws IOException {
        String first;
        try (var lines = Files.lines(motoServer)) {
            first = lines.findFirst().orElse("");
        } catch (java.io.UncheckedIOException e) {
            first = ""; // a binary launcher
        }
        if (first.startsWith("#!")) {
            Path interpreter = Path.of(first.substring(2).strip().split("\\s+")[0]);
            if (interpreter.getFileName().toString().startsWith("python") && Files.isExecutable(interpreter)) {
                return Optional.of(interpreter);
            }
        }
        for (String name : List.of("python3", "python")) {
            Path sibling = motoServer.resolveSibling(name);
            if (Files.isExecutable(sibling)) {
                return Optional.of(sibling);
            }
        }
        return Optional.empty();
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
