package io.claimdesk.dev;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.functions.ClaimFunctions;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Dev mode only: what Lambda's event source mappings do in AWS, which the local engine (moto) runs only in Docker. It
 * creates the local SP-API notification queue (and its dead-letter queue, three receives), makes sure the case table has
 * its stream, then every {@code claimdesk.dev.poll-every} reads both, with short polls (the local engine serves one
 * request at a time, so a long poll would hold it), and hands what it read to the functions as Lambda would: a batch of
 * messages to {@code spapiNotifications} as an SQS event, deleting those it did not report as failed (the others come
 * back once their visibility timeout passes); a batch of stream records to {@code publishChanges} as a DynamoDB stream
 * event, reading again from a record it reported as failed.
 * <p>
 * A bean of the dev build profile, left out of function.zip ({@code quarkus.package.jar.user-configured-ignored-entries});
 * the SQS client it uses is a {@code provided} dependency, which dev mode and the tests see and function.zip does not.
 * The tests hand the functions events built by {@link #sqsEvent} and {@link #streamEvent}, the shapes it builds here.
 */
@Singleton
@IfBuildProfile("dev")
public class LocalFeeds {

    private static final Logger LOG = Logger.getLogger(LocalFeeds.class);

    /** The local notification queue's dead-letter queue takes a message after this many receives. */
    static final int MAX_RECEIVES = 3;
    /** Seconds a received message stays hidden: a message reported as failed comes back this soon. */
    static final int VISIBILITY_SECONDS = 5;

    private ScheduledExecutorService poller;
    private SqsClient sqs;
    private DynamoDbStreamsClient streams;
    private String queueUrl;
    private String queueArn;
    private String region;
    private String streamArn;
    private final Map<String, String> iterators = new HashMap<>();
    private ClaimFunctions functions;
    private ObjectMapper json;

    /** After the local engine is up and its table created ({@link LocalEngineForDevMode}). */
    void onStart(@Observes @Priority(3100) StartupEvent event, ClaimDeskConfig config, ClaimFunctions functions, ObjectMapper json,
                 DynamoDbClient dynamo, @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") Optional<URI> endpoint) {
        if (!config.dev().feeds() || endpoint.isEmpty()) {
            return;
        }
        this.functions = functions;
        this.json = json;
        region = dynamo.serviceClientConfiguration().region().id();
        sqs = SqsClient.builder().endpointOverride(endpoint.get()).region(dynamo.serviceClientConfiguration().region())
                .credentialsProvider(dynamo.serviceClientConfiguration().credentialsProvider())
                .httpClient(UrlConnectionHttpClient.create()).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint.get()).region(dynamo.serviceClientConfiguration().region())
                .credentialsProvider(dynamo.serviceClientConfiguration().credentialsProvider())
                .httpClient(UrlConnectionHttpClient.create()).build();
        createQueues(config.dev().notificationsQueue());
        streamArn = stream(dynamo, config.tableName());
        // From now on: what changed before dev mode started was published then (or is in the history, see republish).
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            iterators.put(shard.shardId(), streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator());
        }
        long every = config.dev().pollEvery().toMillis();
        poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Dev mode reads the SP-API notification queue %s and the table's stream every %s, as Lambda's event source "
                + "mappings do in AWS", queueUrl, config.dev().pollEvery());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
            sqs.close();
            streams.close();
        }
    }

    private void createQueues(String name) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(VISIBILITY_SECONDS),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVES + "\"}"))).queueUrl();
        queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** The table's stream, turned on if a table of an earlier version has none. */
    private static String stream(DynamoDbClient dynamo, String table) {
        TableDescription described = dynamo.describeTable(b -> b.tableName(table)).table();
        StreamSpecification spec = described.streamSpecification();
        if (spec == null || !Boolean.TRUE.equals(spec.streamEnabled())) {
            described = dynamo.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(true)
                    .streamViewType(CaseTable.STREAM_VIEW))).tableDescription();
            LOG.infof("Turned on the stream of table %s", table);
        }
        return described.latestStreamArn();
    }

    private void poll() {
        try {
            pollQueue();
            pollStream();
        } catch (RuntimeException e) {
            LOG.warnf("dev mode could not read the queue or the stream this time: %s", e.getMessage());
        }
    }

    private void pollQueue() {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty()) {
            return;
        }
        JsonNode answer = json.valueToTree(functions.spapiNotifications(sqsEvent(messages, queueArn, region)));
        Set<String> failed = new HashSet<>();
        answer.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    private void pollStream() {
        for (Map.Entry<String, String> shard : new ArrayList<>(iterators.entrySet())) {
            if (shard.getValue() == null) {
                continue;
            }
            GetRecordsResponse read = streams.getRecords(b -> b.shardIterator(shard.getValue()).limit(100));
            String next = read.nextShardIterator();
            if (!read.records().isEmpty()) {
                JsonNode answer = json.valueToTree(functions.publishChanges(streamEvent(read.records(), streamArn, region)));
                JsonNode failures = answer.path("batchItemFailures");
                if (failures.isArray() && !failures.isEmpty()) {
                    String from = failures.get(0).path("itemIdentifier").asText();
                    next = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.getKey())
                            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(from)).shardIterator();
                }
            }
            iterators.put(shard.getKey(), next);
        }
    }

    /** Lambda's SQS event for messages received from a queue. */
    public static ObjectNode sqsEvent(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            m.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            r.putObject("messageAttributes");
            r.put("md5OfBody", m.md5OfBody());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", region);
        }
        return event;
    }

    /** Lambda's DynamoDB stream event for records read from a table's stream (images in DynamoDB's JSON). */
    public static ObjectNode streamEvent(List<Record> read, String streamArn, String region) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode records = event.putArray("Records");
        for (Record record : read) {
            ObjectNode r = records.addObject();
            r.put("eventID", record.eventID() == null ? UUID.randomUUID().toString() : record.eventID());
            r.put("eventName", record.eventNameAsString());
            r.put("eventVersion", record.eventVersion() == null ? "1.1" : record.eventVersion());
            r.put("eventSource", "aws:dynamodb");
            r.put("awsRegion", region);
            ObjectNode d = r.putObject("dynamodb");
            if (record.dynamodb().approximateCreationDateTime() != null) {
                d.put("ApproximateCreationDateTime", record.dynamodb().approximateCreationDateTime().getEpochSecond());
            }
            d.set("Keys", item(record.dynamodb().keys()));
            if (record.dynamodb().hasNewImage()) {
                d.set("NewImage", item(record.dynamodb().newImage()));
            }
            if (record.dynamodb().hasOldImage()) {
                d.set("OldImage", item(record.dynamodb().oldImage()));
            }
            d.put("SequenceNumber", record.dynamodb().sequenceNumber());
            if (record.dynamodb().sizeBytes() != null) {
                d.put("SizeBytes", record.dynamodb().sizeBytes());
            }
            d.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
            r.put("eventSourceARN", streamArn);
        }
        return event;
    }

    private static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        item.forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    private static ObjectNode value(AttributeValue v) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (v.type()) {
            case S -> node.put("S", v.s());
            case N -> node.put("N", v.n());
            case BOOL -> node.put("BOOL", v.bool());
            case NUL -> node.put("NULL", true);
            case M -> node.set("M", item(v.m()));
            case L -> {
                ArrayNode list = node.putArray("L");
                v.l().forEach(e -> list.add(value(e)));
            }
            case SS -> v.ss().forEach(node.putArray("SS")::add);
            case NS -> v.ns().forEach(node.putArray("NS")::add);
            case B -> node.put("B", v.b().asByteArray());
            case BS -> v.bs().forEach(b -> node.withArray("BS").add(b.asByteArray()));
            default -> throw new IllegalArgumentException("an attribute value of type " + v.type());
        }
        return node;
    }
}
