package io.claimdesk.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.policy.Announcement;
import io.claimdesk.policy.ClaimCase;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The only code that speaks EventBridge: publishes a case's outbox ({@link ClaimCase#outbox()}), one event per
 * announcement, source {@value Announcement#SOURCE}, its detail-type from {@link Announcement#detailType}, and a
 * detail of codes, dates and rules only ({@link #detail}). It never throws: a failure leaves the outbox as it is,
 * and the sweep publishes it later.
 */
@ApplicationScoped
public class CaseEvents {

    private static final Logger LOG = Logger.getLogger(CaseEvents.class);

    /** PutEvents takes at most 10 entries per call. */
    static final int ENTRIES_PER_CALL = 10;

    private final EventBridgeClient events;
    private final ObjectMapper json;
    private final ClaimDeskConfig.Events config;

    public CaseEvents(EventBridgeClient events, ObjectMapper json, ClaimDeskConfig config) {
        this.events = events;
        this.json = json;
        this.config = config.events();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Publishes every announcement of the case's outbox; true when EventBridge took them all. */
    public boolean publish(ClaimCase c) {
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (Announcement a : c.outbox()) {
            entries.add(PutEventsRequestEntry.builder()
                    .source(Announcement.SOURCE)
                    .detailType(a.detailType())
                    .detail(detail(c, a))
                    .time(a.at())
                    .eventBusName(config.busName())
                    .build());
        }
        try {
            for (int from = 0; from < entries.size(); from += ENTRIES_PER_CALL) {
                List<PutEventsRequestEntry> chunk = entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_CALL));
                PutEventsResponse response = events.putEvents(b -> b.entries(chunk));
                Integer failed = response.failedEntryCount();
                if (failed != null && failed > 0) {
                    String code = response.entries().stream().map(PutEventsResultEntry::errorCode)
                            .filter(java.util.Objects::nonNull).findFirst().orElse("?");
                    LOG.warnf("%d of %d event(s) of case %s not taken by EventBridge (%s); left for the sweep to publish",
                            failed, chunk.size(), c.orderId(), code);
                    return false;
                }
            }
        } catch (SdkException e) {
            LOG.warnf("event(s) of case %s not published (%s); left for the sweep to publish", c.orderId(), e.getMessage());
            return false;
        }
        LOG.infof("published %d event(s) of case %s", entries.size(), c.orderId());
        return true;
    }

    /**
     * The detail of one announcement: its stable {@code id} (order id and history index), the order, marketplace,
     * event, history index and time, the status before and after (with the close reason), the rules, and the next
     * attention after the change. Codes, dates and rules only: no free text, no buyer data.
     */
    String detail(ClaimCase c, Announcement a) {
        ObjectNode d = json.createObjectNode();
        d.put("id", Announcement.id(c.orderId(), a.index()));
        d.put("orderId", c.orderId());
        d.put("marketplace", c.facts().marketplace().name());
        d.put("event", a.event().name());
        d.put("historyIndex", a.index());
        d.put("at", a.at().toString());
        d.put("statusBefore", a.from() == null ? null : a.from().name());
        d.put("statusAfter", a.to().name());
        d.put("closeReason", a.closeReason() == null ? null : a.closeReason().name());
        a.rules().forEach(r -> d.withArray("rules").add(r.name()));
        d.put("nextAttention", a.next() == null ? null : a.next().on().toString());
        d.put("nextAttentionKind", a.next() == null ? null : a.next().kind().name());
        return d.toString();
    }

    /** The EventBridge client: the JDK's URL connection client, and the same region and credentials as DynamoDB's. */
    @jakarta.inject.Singleton
    static final class Client {

        @Produces
        @ApplicationScoped
        EventBridgeClient eventBridge(DynamoDbClient dynamo, ClaimDeskConfig config) {
            var dynamoConfig = dynamo.serviceClientConfiguration();
            var builder = EventBridgeClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .region(dynamoConfig.region())
                    .credentialsProvider(dynamoConfig.credentialsProvider())
                    // A slow EventBridge must not hold a function that already stored its change: the sweep catches up.
                    .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofSeconds(2)).apiCallTimeout(Duration.ofSeconds(5)));
            config.events().endpointOverride().ifPresent(builder::endpointOverride);
            return builder.build();
        }

        void close(@Disposes EventBridgeClient client) {
            client.close();
        }
    }
}
