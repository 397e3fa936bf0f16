package io.claimdesk.testing;

import java.util.HashMap;
import java.util.Map;

import io.claimdesk.cases.CaseTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The tests' case table in the local engine, beside the application: created with the engine ({@link LocalDynamoDb}),
 * read whole to compare it before and after an invocation. One case is read with {@link StoredCase#of(String)}.
 * Test code only: the Scan here is for counting and snapshots, never used by the functions.
 */
public final class Table {

    /** The table the tests' application is configured with ({@code claimdesk.table-name}, set by {@link LocalDynamoDb}). */
    public static final String NAME = "claim-desk-test-cases";

    private static volatile DynamoDbClient client;

    private Table() {
    }

    public static synchronized DynamoDbClient client() {
        if (client == null) {
            client = LocalDynamoDb.client();
        }
        return client;
    }

    /** Forgets the client, e.g. after the engine was restarted. */
    public static synchronized void reset() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Removes a case a test is done with, so that whole-table comparisons stay quick. */
    public static void delete(String orderId) {
        client().deleteItem(b -> b.tableName(NAME).key(Map.of(CaseTable.ORDER_ID, AttributeValue.fromS(orderId))));
    }

    /** Every item of the table by order id. */
    public static Map<String, Map<String, AttributeValue>> snapshot() {
        Map<String, Map<String, AttributeValue>> all = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = client().scan(ScanRequest.builder().tableName(NAME).consistentRead(true)
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> all.put(i.get(CaseTable.ORDER_ID).s(), Map.copyOf(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return all;
    }

    public static int count() {
        return versions().size();
    }

    /**
     * Every item's version by order id: a cheap fingerprint of the whole table, since every write of the
     * store (a new case, a rewritten case, a refund update) sets a new version.
     */
    public static Map<String, String> versions() {
        Map<String, String> all = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = client().scan(ScanRequest.builder().tableName(NAME).consistentRead(true)
                    .projectionExpression("#id, #v").expressionAttributeNames(Map.of("#id", CaseTable.ORDER_ID, "#v", "version"))
                    .exclusiveStartKey(start).build());
            page.items().forEach(i -> all.put(i.get(CaseTable.ORDER_ID).s(), i.get("version").n()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return all;
    }

    /** Creates the (empty) case table from {@link CaseTable#createTableRequest}, the definition the template is checked against. */
    public static void create() {
        client().createTable(CaseTable.createTableRequest(NAME));
    }

    /** Re-creates the (empty) case table, as after an engine restart, and puts the given items back. */
    public static void recreate(Map<String, Map<String, AttributeValue>> items) {
        reset();
        create();
        items.values().forEach(i -> client().putItem(b -> b.tableName(NAME).item(i)));
    }
}
