package io.claimdesk.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.dev.LocalFeeds;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SP-API notification queue in the test engine, with its dead-letter queue, used the way Lambda's event source
 * mapping uses one: messages received in a batch, handed to the function as Lambda's SQS event ({@link LocalFeeds#sqsEvent},
 * the shape dev mode builds), and deleted unless the function answered them as failed; a failed one comes back once its
 * visibility timeout passes, and goes to the dead-letter queue after {@code maxReceives} receives.
 */
public final class NotificationQueue {

    private final String url;
    private final String arn;
    private final String deadLetterUrl;

    private NotificationQueue(String url, String arn, String deadLetterUrl) {
        this.url = url;
        this.arn = arn;
        this.deadLetterUrl = deadLetterUrl;
    }

    /** A new queue (and dead-letter queue) of its own. */
    public static NotificationQueue create(String name, int visibilitySeconds, int maxReceives) {
        String dlq = sqs().createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = arn(dlq);
        String url = sqs().createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibilitySeconds),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceives + "\"}")))
                .queueUrl();
        return new NotificationQueue(url, arn(url), dlq);
    }

    public void send(String... bodies) {
        for (String body : bodies) {
            sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
        }
    }

    /** Up to 10 messages now visible, as Lambda's SQS event; empty when there are none. */
    public List<Message> receive() {
        List<Message> all = new ArrayList<>();
        while (all.size() < 10) {
            List<Message> page = sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10 - all.size()).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
        }
        return all;
    }

    public ObjectNode event(List<Message> messages) {
        return LocalFeeds.sqsEvent(messages, arn, "eu-west-3");
    }

    /** Deletes the messages the function's answer did not name as failed, as the event source mapping does. */
    public void settle(List<Message> messages, JsonNode answer) {
        List<String> failed = new ArrayList<>();
        answer.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        messages.stream().filter(m -> !failed.contains(m.messageId()))
                .forEach(m -> sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
    }

    /** The bodies waiting in the dead-letter queue (read, and left there). */
    public List<String> deadLetters() {
        return sqs().receiveMessage(b -> b.queueUrl(deadLetterUrl).maxNumberOfMessages(10).waitTimeSeconds(0).visibilityTimeout(0))
                .messages().stream()
                .map(Message::body).toList();
    }

    private static String arn(String queueUrl) {
        return sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static String engine;
    private static SqsClient sqs;

    private static synchronized SqsClient sqs() {
        if (sqs == null || !LocalDynamoDb.endpoint().equals(engine)) {
            engine = LocalDynamoDb.endpoint();
            sqs = SqsClient.builder().endpointOverride(URI.create(engine)).region(Region.EU_WEST_3)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
        }
        return sqs;
    }
}
