package io.claimdesk.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.policy.ClaimCase;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The only code that speaks DynamoDB to the table. Every write is conditional: a new case must not exist yet, and a
 * rewritten case must still be at the version we read. The store guards versions; the policy decides.
 */
@ApplicationScoped
public class CaseStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final long retentionDays;

    public CaseStore(DynamoDbClient dynamo, ClaimDeskConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
        this.retentionDays = config.closedCaseRetentionDays();
    }

    public Optional<ClaimCase> find(String orderId) {
        var response = call(() -> dynamo.getItem(b -> b.tableName(table).key(key(orderId)).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(CaseItems.fromItem(response.item()))
                : Optional.empty();
    }

    /**
     * Writes a case read at {@code c.version()} (0: new); throws {@link StaleCase} if someone else wrote first. The
     * table's stream carries the item before and after the write: publishing its events takes no write of ours.
     */
    public ClaimCase save(ClaimCase c) {
        long next = c.version() + 1;
        Map<String, AttributeValue> item = CaseItems.toItem(c, next, retentionDays);
        try {
            call(() -> dynamo.putItem(b -> {
                b.tableName(table).item(item);
                if (c.version() == 0) {
                    b.conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", CaseTable.ORDER_ID));
                } else {
                    b.conditionExpression("#v = :v")
                            .expressionAttributeNames(Map.of("#v", CaseItems.VERSION))
                            .expressionAttributeValues(Map.of(":v", CaseItems.n(c.version())));
                }
            }));
        } catch (ConditionalCheckFailedException e) {
            throw new StaleCase(c.orderId());
        }
        return c.withVersion(next);
    }

    /**
     * The order ids of the cases whose shipment has this tracking id, from the tracking index (keys only; never a Scan).
     * The index follows the table within a second or so: a case written a moment ago may not be found yet.
     */
    public List<String> trackedBy(String trackingId) {
        List<String> orders = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse page = call(() -> dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .indexName(CaseTable.TRACKING_INDEX)
                    .keyConditionExpression("#t = :t")
                    .expressionAttributeNames(Map.of("#t", CaseTable.TRACKING_ID))
                    .expressionAttributeValues(Map.of(":t", CaseItems.s(trackingId)))
                    .exclusiveStartKey(after)
                    .build()));
            page.items().forEach(i -> orders.add(i.get(CaseTable.ORDER_ID).s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return List.copyOf(orders);
    }

    /**
     * One page of cases of one shard of an index, on or before {@code bound} in the index's order, each with its day
     * there; {@code next} is DynamoDB's LastEvaluatedKey, or null.
     */
    public record DuePage(List<Due> due, Map<String, AttributeValue> next) {
        public List<ClaimCase> cases() {
            return due.stream().map(Due::c).toList();
        }
    }

    /** A case as an index holds it, and its day there. */
    public record Due(ClaimCase c, CaseTable.Index index, LocalDate on) {
        /** Its key in the index, as a Query's ExclusiveStartKey takes it. */
        public Map<String, AttributeValue> key() {
            return indexKey(index, c.orderId(), on);
        }
    }

    /** The key of an item in an index: the table's key and the index's. */
    public static Map<String, AttributeValue> indexKey(CaseTable.Index index, String orderId, LocalDate on) {
        return Map.of(CaseTable.ORDER_ID, CaseItems.s(orderId), index.shardAttribute(), CaseItems.s(index.shardOf(orderId)),
                index.dayAttribute(), CaseItems.s(on.toString()));
    }

    /** A bound past any day a case is due on: its ISO text sorts after theirs ({@code LocalDate.MAX}'s would not). */
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** The sweep's page of cases due on or before {@code dueBy} in one shard of the due index. */

    public DuePage due(String shard, LocalDate dueBy, int limit, Map<String, AttributeValue> startAfter) {
        return page(CaseTable.Index.DUE, shard, dueBy, limit, startAfter);
    }

    /** One Query of one shard of {@code index}, for items on or before {@code bound}: never a Scan. */
    public DuePage page(CaseTable.Index index, String shard, LocalDate bound, int limit, Map<String, AttributeValue> startAfter) {
        QueryResponse response = call(() -> dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName(index.indexName())
                .keyConditionExpression("#shard = :shard AND #day <= :bound")
                .expressionAttributeNames(Map.of("#shard", index.shardAttribute(), "#day", index.dayAttribute()))
                .expressionAttributeValues(Map.of(":shard", CaseItems.s(shard), ":bound", CaseItems.s(bound.toString())))
                .limit(limit)
                .exclusiveStartKey(startAfter == null || startAfter.isEmpty() ? null : startAfter)
                .build()));
        return new DuePage(response.items().stream()
                        .map(i -> new Due(CaseItems.fromItem(i), index, LocalDate.parse(i.get(index.dayAttribute()).s()))).toList(),
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null);
    }

    /** Maps a case to an item and back, touching no network: used to prime the code paths during init. */
    public ClaimCase roundTripWithoutIo(ClaimCase c) {
        dynamo.serviceClientConfiguration();
        return CaseItems.fromItem(CaseItems.toItem(c, c.version() + 1, retentionDays));
    }

    private static Map<String, AttributeValue> key(String orderId) {
        return Map.of(CaseTable.ORDER_ID, CaseItems.s(orderId));
    }

    /**
     * Turns throttling, server errors, timeouts and an unreachable engine into one retryable error; the SDK
     * has already retried. After a timeout a write may have been applied: the message does not claim otherwise.
     */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (DynamoDbException e) {
            if (e.isThrottlingException()) {
                throw new StoreUnavailable("DynamoDB is throttling (" + e.awsErrorDetails().errorCode() + ")", e);
            }
            if (e.statusCode() >= 500) {
                throw new StoreUnavailable("DynamoDB is failing (" + e.awsErrorDetails().errorCode() + ")", e);
            }
            throw e;
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new StoreUnavailable("DynamoDB did not answer in time: " + e.getMessage(), e);
        } catch (SdkClientException e) {
            throw new StoreUnavailable("DynamoDB cannot be reached: " + e.getMessage(), e);
        } catch (SdkException e) {
            if (e.retryable()) {
                throw new StoreUnavailable("DynamoDB call failed and may be retried: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
