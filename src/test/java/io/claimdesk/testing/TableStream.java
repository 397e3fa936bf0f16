package io.claimdesk.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.dev.LocalFeeds;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The case table's stream in the test engine, read as Lambda's event source mapping reads it: every shard the stream
 * describes, each from its start, each record once. Whatever the engine says of shards and regions (the local one has
 * one shard and says us-east-1), nothing here depends on it. {@link #event} makes Lambda's event of what was read, as
 * dev mode does ({@link LocalFeeds#streamEvent}).
 */
public final class TableStream {

    private static final Map<String, String> ITERATORS = new HashMap<>();
    private static String streamArn;
    private static String engine;
    private static DynamoDbStreamsClient streams;

    private TableStream() {
    }

    /** Every record written to the table since the last call (the first: since the table was created), in order per shard. */
    public static synchronized List<Record> newRecords() {
        connect();
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            ITERATORS.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(b -> b.streamArn(streamArn).shardId(id)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
        }
        List<Record> read = new ArrayList<>();
        for (Map.Entry<String, String> shard : ITERATORS.entrySet()) {
            String iterator = shard.getValue();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current));
                read.addAll(page.records());
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break;
                }
            }
            shard.setValue(iterator);
        }
        return read;
    }

    /** The records of the cases of these orders, of all those given. */
    public static List<Record> of(List<Record> records, String... orderIds) {
        List<String> orders = List.of(orderIds);
        return records.stream().filter(r -> orders.contains(r.dynamodb().keys().get("orderId").s())).toList();
    }

    /** Lambda's DynamoDB stream event for these records. */
    public static ObjectNode event(List<Record> records) {
        connect();
        return LocalFeeds.streamEvent(records, streamArn, "eu-west-3");
    }

    private static void connect() {
        if (streams != null && LocalDynamoDb.endpoint().equals(engine)) {
            return;
        }
        engine = LocalDynamoDb.endpoint();
        ITERATORS.clear();
        streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(engine)).region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        streamArn = Table.client().describeTable(b -> b.tableName(Table.NAME)).table().latestStreamArn();
    }
}
