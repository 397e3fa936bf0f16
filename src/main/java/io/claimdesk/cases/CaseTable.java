package io.claimdesk.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The one definition of the case table: keys, its three indexes (the sweep's due index, the to-do list's, the tracking
 * index), its stream, and the DynamoDB operations each function performs. The local table is created from
 * {@link #createTableRequest(String)}, and a test checks that {@code infra/template.yaml} declares exactly the same keys,
 * indexes, stream and IAM actions.
 */
public final class CaseTable {

    /** Partition key: one item per order. */
    public static final String ORDER_ID = "orderId";

    /**
     * A sparse index of the table: only items that carry its two attributes are in it, keyed by a shard
     * ({@code "<prefix>-0"} .. {@code "<prefix>-<SHARDS-1>"}, so the cases of one day never share one hot partition) and
     * an ISO date ({@code yyyy-MM-dd}, which sorts as dates do).
     */
    public enum Index {
        /**
         * The sweep's: the day a case next needs the sweep (an attention, or an announcement still to publish). Its
         * shards are named apart from those written before the to-do list ({@link #LEGACY_DUE_SHARDS}).
         */
        DUE("dueIndex", "dueShard", "dueOn", "sweep"),
        /** The to-do list's: the first day a case needs the seller ({@code Todos.listedFrom}). */
        TODO("todoIndex", "todoShard", "todoOn", "todo");

        private final String indexName;
        private final String shardAttribute;
        private final String dayAttribute;
        private final String shardPrefix;

        Index(String indexName, String shardAttribute, String dayAttribute, String shardPrefix) {
            this.indexName = indexName;
            this.shardAttribute = shardAttribute;
            this.dayAttribute = dayAttribute;
            this.shardPrefix = shardPrefix;
        }

        public String indexName() {
            return indexName;
        }

        public String shardAttribute() {
            return shardAttribute;
        }

        public String dayAttribute() {
            return dayAttribute;
        }

        public String shardOf(String orderId) {
            return shardPrefix + "-" + Math.floorMod(orderId.hashCode(), SHARDS);
        }

        public List<String> allShards() {
            return IntStream.range(0, SHARDS).mapToObj(i -> shardPrefix + "-" + i).toList();
        }
    }

    public static final int SHARDS = 8;
    public static final String DUE_INDEX = Index.DUE.indexName();
    public static final String DUE_SHARD = Index.DUE.shardAttribute();
    public static final String DUE_ON = Index.DUE.dayAttribute();
    public static final int DUE_SHARDS = SHARDS;
    public static final String TODO_INDEX = Index.TODO.indexName();

    /**
     * The tracking index: the cases whose shipment has a tracking id, keyed by it (only the keys projected), so that a
     * tracking milestone finds its case without a Scan. Sparse: a case without a tracking id is not in it.
     */
    public static final String TRACKING_INDEX = "trackingIndex";
    /** The shipment's tracking id, a top-level attribute of the item so that the tracking index can key on it. */
    public static final String TRACKING_ID = "trackingId";

    /** Every change of a case is on the table's stream, the item before and after it: what publishChanges reads. */
    public static final StreamViewType STREAM_VIEW = StreamViewType.NEW_AND_OLD_IMAGES;

    /**
     * The due index's shards as written before the to-do list: a case still under one of them was stored without the
     * to-do index's attributes. The sweep reads them whatever the day and writes each case back under today's
     * attributes, so they empty themselves ({@code CaseService#sweep}).
     */
    public static final List<String> LEGACY_DUE_SHARDS = IntStream.range(0, SHARDS).mapToObj(i -> "due-" + i).toList();

    /** Epoch seconds after which DynamoDB may delete a long-closed case. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    /** The functions, as exported with {@code quarkus.funqy.export}. */
    public static final String EVALUATE_CLAIM = "evaluateClaim";
    public static final String RECORD_REFUND = "recordRefund";
    public static final String FLAG_LATE_ARRIVAL = "flagLateArrival";
    /** The buyer's claim on an existing case: filed, answered to Amazon, decided. */
    public static final String RECORD_CLAIM = "recordClaim";
    /** The seller sets a case aside until a day. */
    public static final String SET_ASIDE = "setAside";
    /** Read-only: one case, or the cases that need the seller. */
    public static final String CASE_DESK = "caseDesk";
    /** SP-API notifications from an SQS queue: order changes and tracking milestones applied to their cases. */
    public static final String SPAPI_NOTIFICATIONS = "spapiNotifications";
    /** The table's stream in: each change's history entries published to EventBridge; also republishes a case's. */
    public static final String PUBLISH_CHANGES = "publishChanges";

    /**
     * DynamoDB actions each function's code performs; the template grants each role exactly these
     * (Query only on the due index). A test counts the calls the functions really make against this.
     */
    public static final Map<String, Set<String>> ACTIONS_BY_FUNCTION = Map.of(
            EVALUATE_CLAIM, Set.of("dynamodb:GetItem", "dynamodb:PutItem"),
            RECORD_REFUND, Set.of("dynamodb:GetItem", "dynamodb:PutItem"),
            FLAG_LATE_ARRIVAL, Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"),
            RECORD_CLAIM, Set.of("dynamodb:GetItem", "dynamodb:PutItem"),
            SET_ASIDE, Set.of("dynamodb:GetItem", "dynamodb:PutItem"),
            CASE_DESK, Set.of("dynamodb:GetItem", "dynamodb:Query"),
            SPAPI_NOTIFICATIONS, Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"),
            // Reads a case only to publish its history again (an operator's republish); the stream brings the rest.
            PUBLISH_CHANGES, Set.of("dynamodb:GetItem"));

    /** The one index each querying function reads: the sweep the due index, the desk the to-do index, notifications the tracking index. */
    public static final Map<String, String> INDEX_BY_FUNCTION = Map.of(FLAG_LATE_ARRIVAL, Index.DUE.indexName(),
            CASE_DESK, Index.TODO.indexName(), SPAPI_NOTIFICATIONS, TRACKING_INDEX);

    /** What reading the table's stream takes (Lambda's event source mapping reads it with the function's role). */
    public static final Set<String> STREAM_ACTIONS = Set.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
            "dynamodb:GetShardIterator", "dynamodb:ListStreams");

    /** The functions that read the table's stream: exactly these may read it. */
    public static final Set<String> STREAM_READERS = Set.of(PUBLISH_CHANGES);

    /** The functions that publish to EventBridge; the template lets exactly these put events. */
    public static final Set<String> PUBLISHERS = Set.of(PUBLISH_CHANGES);

    private CaseTable() {
    }

    /** The shard of an order in the due index. */
    public static String shardOf(String orderId) {
        return Index.DUE.shardOf(orderId);
    }

    public static List<String> allShards() {
        return Index.DUE.allShards();
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Stream.concat(
                        Stream.concat(Stream.of(ORDER_ID),
                                Arrays.stream(Index.values()).flatMap(i -> Stream.of(i.shardAttribute(), i.dayAttribute()))),
                        Stream.of(TRACKING_ID))
                        .map(name -> AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build())
                        .toList())
                .keySchema(KeySchemaElement.builder().attributeName(ORDER_ID).keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(Stream.concat(Arrays.stream(Index.values()).map(i -> GlobalSecondaryIndex.builder()
                        .indexName(i.indexName())
                        .keySchema(
                                KeySchemaElement.builder().attributeName(i.shardAttribute()).keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(i.dayAttribute()).keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build()), Stream.of(GlobalSecondaryIndex.builder()
                        .indexName(TRACKING_INDEX)
                        .keySchema(KeySchemaElement.builder().attributeName(TRACKING_ID).keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build())).toList())
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(STREAM_VIEW).build())
                .build();
    }
}
