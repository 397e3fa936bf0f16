package io.claimdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.policy.Announcement;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the functions published, read back as a consumer would: an EventBridge rule on the default bus of the local
 * engine (moto) matches source {@value Announcement#SOURCE} and sends every event to an SQS queue, which this reads.
 * Every event received is kept, so a test finds the events of its own orders whatever else ran before it.
 */
public final class EventQueue {

    private static final String RULE = "claim-desk-events-to-queue";
    private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile String queueUrl;

    private EventQueue() {
    }

    /** Creates the queue and the rule once per engine. */
    public static synchronized void ensure() {
        if (queueUrl != null) {
            return;
        }
        String url = sqs().createQueue(b -> b.queueName("claim-desk-events")).queueUrl();
        String arn = sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        try (EventBridgeClient events = eventBridge()) {
            events.putRule(b -> b.name(RULE).eventBusName("default").state("ENABLED")
                    .eventPattern("{\"source\":[\"" + Announcement.SOURCE + "\"]}"));
            events.putTargets(b -> b.rule(RULE).eventBusName("default").targets(t -> t.id("queue").arn(arn)));
        }
        queueUrl = url;
    }

    /** Every event received so far, in the order received; reads the queue until it is empty first. */
    public static List<JsonNode> received() {
        ensure();
        while (true) {
            List<Message> messages = sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return List.copyOf(RECEIVED);
            }
            for (Message m : messages) {
                try {
                    RECEIVED.add(Events.JSON.readTree(m.body()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** The events received about one order, in the order received. */
    public static List<JsonNode> of(String orderId) {
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode event : received()) {
            if (orderId.equals(event.path("detail").path("orderId").asText())) {
                mine.add(event);
            }
        }
        return mine;
    }

    /** The raw text of every event received about one order, for checks that nothing else is in them. */
    public static String textOf(String orderId) {
        return of(orderId).toString();
    }

    /** A client of the local engine's EventBridge, to set up the rule (the functions publish without the SDK's). */
    private static EventBridgeClient eventBridge() {
        return EventBridgeClient.builder().endpointOverride(URI.create(LocalDynamoDb.endpoint())).region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static volatile SqsClient sqs;

    private static SqsClient sqs() {
        if (sqs == null) {
            sqs = SqsClient.builder().endpointOverride(URI.create(LocalDynamoDb.endpoint())).region(Region.EU_WEST_3)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
        }
        return sqs;
    }
}
