package io.claimdesk.bench.hello;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.funqy.Funq;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The cold-start baseline: one function, one DynamoDB GetItem. Anything the real functions cost
 * beyond this is their own code and extensions.
 */
public class HelloFunction {

    public record Lookup(String id) {
    }

    public record Found(String id, boolean found) {
    }

    @Inject
    DynamoDbClient dynamo;

    @ConfigProperty(name = "hello.table-name")
    String tableName;

    @Funq
    public Found hello(Lookup lookup) {
        var item = dynamo.getItem(GetItemRequest.builder()
                .tableName(tableName)
                .key(Map.of("id", AttributeValue.fromS(lookup.id())))
                .build());
        return new Found(lookup.id(), item.hasItem());
    }
}
