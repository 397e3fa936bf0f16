package io.claimdesk.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.policy.CaseStatus;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.Fulfilment;
import io.claimdesk.policy.HistoryEntry;
import io.claimdesk.policy.RefundLedger;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The only code that speaks DynamoDB. Every write is conditional: a new case must not exist yet, a
 * rewritten case must still be at the version we read, and a refund is one UpdateItem whose condition
 * re-checks, atomically, everything that makes it acceptable.
 */
@ApplicationScoped
public class CaseStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final long retentionDays;

    public CaseStore(DynamoDbClient dynamo, ClaimDeskConfig config, TableBootstrap bootstrap) throws java.io.IOException {
        bootstrap.ensureReady();
        this.dynamo = dynamo;
        this.table = config.tableName();
        this.retentionDays = config.closedCaseRetentionDays();
    }

    public Optional<ClaimCase> find(String orderId) {
        var response = call(() -> dynamo.getItem(b -> b.tableName(table).key(key(orderId)).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(CaseItems.fromItem(response.item()))
                : Optional.empty();
    }

    /** Writes a case read at {@code c.version()} (0: new); throws {@link StaleCase} if someone else wrote first. */
    public ClaimCase save(ClaimCase c) {
        long next = c.version() + 1;
        Map<String, AttributeValue> item = CaseItems.toItem(c, next, retentionDays);
        try {
            call(() -> dynamo.putItem(b -> {
                b.tableName(table).item(item).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
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

    /** What a refund UpdateItem is told: the refund, the history entry, and the guard on the refund date. */
    public record RefundWrite(
            String orderId,
            String refundId,
            BigDecimal amount,
            String currency,
            boolean full,
            boolean reorderRequested,
            String reason,
            LocalDate refundedOn,
            Instant recordedAt,
            HistoryEntry entry,
            List<String> marketplacesWhereDateIsPast,
            BigDecimal expectedRemaining) {
    }

    /** The outcome of the single refund UpdateItem: the case after it, or the case that made the condition fail. */
    public sealed interface RefundWriteResult {
        record Written(ClaimCase after) implements RefundWriteResult {
        }

        record Refused(Optional<ClaimCase> current) implements RefundWriteResult {
        }
    }

    /**
     * Records a refund with ONE conditional UpdateItem. The condition re-checks atomically what the
     * policy checked (case exists and is open, seller-fulfilled, same currency, enough left to refund,
     * refund id unused, within the refund and history limits, refund date not before the order nor in
     * the marketplace's future), so concurrent refunds can never sum above the order total.
     */
    public RefundWriteResult recordRefund(RefundWrite w) {
        Map<String, String> names = new HashMap<>();
        names.put("#id", CaseTable.ORDER_ID);
        names.put("#status", CaseItems.STATUS);
        names.put("#ful", CaseItems.FULFILMENT);
        names.put("#cur", CaseItems.CURRENCY);
        names.put("#rem", CaseItems.REMAINING);
        names.put("#refunds", CaseItems.REFUNDS);
        names.put("#rid", w.refundId());
        names.put("#hist", CaseItems.HISTORY);
        names.put("#v", CaseItems.VERSION);
        names.put("#od", CaseItems.ORDER_DATE);
        names.put("#mp", CaseItems.MARKETPLACE);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", CaseItems.s(CaseStatus.OPEN.name()));
        values.put(":seller", CaseItems.s(Fulfilment.SELLER.name()));
        values.put(":cur", CaseItems.s(w.currency()));
        values.put(":amt", CaseItems.n(w.amount()));
        values.put(":refund", AttributeValue.fromM(CaseItems.refundEntry(w.amount(), w.full(), w.reorderRequested(),
                w.reason(), w.refundedOn(), w.recordedAt())));
        values.put(":entry", AttributeValue.fromL(List.of(CaseItems.historyEntry(w.entry()))));
        values.put(":one", CaseItems.n(1));
        values.put(":maxRefunds", CaseItems.n(RefundLedger.MAX_REFUNDS));
        values.put(":maxHistory", CaseItems.n(ClaimCase.MAX_HISTORY));
        StringBuilder condition = new StringBuilder(
                "attribute_exists(#id) AND #status = :open AND #ful = :seller AND #cur = :cur AND #rem >= :amt"
                        + " AND attribute_not_exists(#refunds.#rid) AND size(#refunds) < :maxRefunds"
                        + " AND size(#hist) < :maxHistory");
        if (w.refundedOn() != null) {
            values.put(":on", CaseItems.s(w.refundedOn().toString()));
            condition.append(" AND #od <= :on");
            List<String> markets = w.marketplacesWhereDateIsPast();
            List<String> placeholders = new ArrayList<>();
            for (int i = 0; i < markets.size(); i++) {
                values.put(":mp" + i, CaseItems.s(markets.get(i)));
                placeholders.add(":mp" + i);
            }
            condition.append(" AND #mp IN (").append(String.join(", ", placeholders)).append(")");
        }
        if (w.expectedRemaining() != null) {
            values.put(":expected", CaseItems.n(w.expectedRemaining()));
            condition.append(" AND #rem = :expected");
        }
        try {
            var response = call(() -> dynamo.updateItem(b -> b.tableName(table).key(key(w.orderId()))
                    .updateExpression("SET #refunds.#rid = :refund, #rem = #rem - :amt,"
                            + " #hist = list_append(#hist, :entry), #v = #v + :one")
                    .conditionExpression(condition.toString())
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
            return new RefundWriteResult.Written(CaseItems.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            // The failed condition returns the item as it was, so explaining the refusal needs no second read.
            if (e.hasItem()) {
                return new RefundWriteResult.Refused(e.item().isEmpty() ? Optional.empty() : Optional.of(CaseItems.fromItem(e.item())));
            }
            return new RefundWriteResult.Refused(find(w.orderId()));
        }
    }

    /** One page of cases due on or before {@code dueBy} in one shard of the due index. */
    public record DuePage(List<ClaimCase> cases, Map<String, AttributeValue> next) {
    }

    public DuePage due(String shard, LocalDate dueBy, int limit, Map<String, AttributeValue> startAfter) {
        QueryResponse response = call(() -> dynamo.query(QueryRequest.builder()
                .tableName(table)
                .indexName(CaseTable.DUE_INDEX)
                .keyConditionExpression("#shard = :shard AND #due <= :dueBy")
                .expressionAttributeNames(Map.of("#shard", CaseTable.DUE_SHARD, "#due", CaseTable.DUE_ON))
                .expressionAttributeValues(Map.of(":shard", CaseItems.s(shard), ":dueBy", CaseItems.s(dueBy.toString())))
                .limit(limit)
                .exclusiveStartKey(startAfter == null || startAfter.isEmpty() ? null : startAfter)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build()));
        return new DuePage(response.items().stream().map(CaseItems::fromItem).toList(),
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
