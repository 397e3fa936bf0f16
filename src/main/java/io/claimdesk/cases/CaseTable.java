package io.claimdesk.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The one definition of the case table: keys, the due-time index and the DynamoDB operations each
 * function performs. The local table is created from {@link #createTableRequest(String)}, and a test
 * checks that {@code infra/template.yaml} declares exactly the same keys, index and IAM actions.
 */
public final class CaseTable {

    /** Partition key: one item per order. */
    public static final String ORDER_ID = "orderId";

    /** Sparse index of cases that need attention; only items with a due date carry these two attributes. */
    public static final String DUE_INDEX = "dueIndex";
    /** Shard of the due index, {@code "due-0"} .. {@code "due-<SHARDS-1>"}, so due cases never share one hot partition. */
    public static final String DUE_SHARD = "dueShard";
    /** ISO date ({@code yyyy-MM-dd}) on which the case needs attention; sorts lexicographically. */
    public static final String DUE_ON = "dueOn";
    public static final int DUE_SHARDS = 8;

    /** Epoch seconds after which DynamoDB may delete a long-closed case. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    /** The functions, as exported with {@code quarkus.funqy.export}. */
    public static final String EVALUATE_CLAIM = "evaluateClaim";
    public static final String RECORD_REFUND = "recordRefund";
    public static final String FLAG_LATE_ARRIVAL = "flagLateArrival";
    /** Read-only: one case, or the cases that need the seller. */
    public static final String CASE_DESK = "caseDesk";

    /**
     * DynamoDB actions each function's code performs; the template grants each role exactly these
     * (Query only on the due index). A test counts the calls the functions really make against this.
     */
    public static final Map<String, Set<String>> ACTIONS_BY_FUNCTION = Map.of(
            EVALUATE_CLAIM, Set.of("dynamodb:GetItem", "dynamodb:PutItem"),
            RECORD_REFUND, Set.of("dynamodb:GetItem", "dynamodb:PutItem"),
            FLAG_LATE_ARRIVAL, Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"),
            CASE_DESK, Set.of("dynamodb:GetItem", "dynamodb:Query"));

    /** The functions that record changes and publish them to EventBridge; the template lets exactly these put events. */
    public static final Set<String> PUBLISHERS = Set.of(EVALUATE_CLAIM, RECORD_REFUND, FLAG_LATE_ARRIVAL);

    private CaseTable() {
    }

    public static String shardOf(String orderId) {
        return "due-" + Math.floorMod(orderId.hashCode(), DUE_SHARDS);
    }

    public static List<String> allShards() {
        return java.util.stream.IntStream.range(0, DUE_SHARDS).mapToObj(i -> "due-" + i).toList();
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(ORDER_ID).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(DUE_SHARD).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(DUE_ON).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(ORDER_ID).keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(DUE_INDEX)
                        .keySchema(
                                KeySchemaElement.builder().attributeName(DUE_SHARD).keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(DUE_ON).keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build();
    }
}
