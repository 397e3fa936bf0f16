package io.claimdesk.cases;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.claimdesk.ClaimDeskConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Dev mode and tests only ({@code claimdesk.create-table=true}): makes sure the local engine runs and
 * the table exists, created from {@link CaseTable}, the definition the template is checked against.
 * In AWS the template creates the table and this does nothing.
 */
@Singleton
public class TableBootstrap {

    private static final Logger LOG = Logger.getLogger(TableBootstrap.class);

    private final ClaimDeskConfig config;
    private final DynamoDbClient dynamo;
    private final Optional<URI> endpoint;
    private boolean ready;

    public TableBootstrap(ClaimDeskConfig config, DynamoDbClient dynamo,
                          @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") Optional<URI> endpoint) {
        this.config = config;
        this.dynamo = dynamo;
        this.endpoint = endpoint;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        ensureReady();
    }

    /**
     * Idempotent and synchronized: the Lambda poll loop may deliver the first event before start-up
     * observers have run, so the store also calls this before its first request.
     */
    public synchronized void ensureReady() throws IOException {
        if (ready || !config.createTable()) {
            return;
        }
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT && endpoint.isPresent() && LocalEngine.isLoopback(endpoint.get())) {
            int port = endpoint.get().getPort();
            if (!LocalEngine.listening(port)) {
                Path log = Path.of("target", "local-dynamodb.log");
                Process moto = LocalEngine.start(port, true, Optional.of(log));
                LOG.infof("Started the local DynamoDB engine (moto_server, pid %d) on %s; it keeps running after dev mode "
                        + "stops so cases survive restarts. Stop it with: kill %d", moto.pid(), endpoint.get(), moto.pid());
            }
        }
        try {
            dynamo.describeTable(b -> b.tableName(config.tableName()));
        } catch (ResourceNotFoundException e) {
            dynamo.createTable(CaseTable.createTableRequest(config.tableName()));
            LOG.infof("Created table %s at %s", config.tableName(), endpoint.map(URI::toString).orElse("the default endpoint"));
        }
        ready = true;
    }
}
