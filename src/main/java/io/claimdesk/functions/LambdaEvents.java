package io.claimdesk.functions;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The events Lambda hands the functions fed by a queue or a stream, read into AWS's own event classes
 * (aws-lambda-java-events: {@link SQSEvent}, {@link DynamodbEvent}). Their JSON names the fields as the services do
 * ({@code Records}, {@code NewImage}, {@code S}, ...), the classes as Java beans ({@code records}, {@code newImage},
 * {@code s}): AWS's runtime maps them with its own serialisation library; names matched without regard to case do the
 * same here. Only the shape of the event is read here; what a message or a record says is read by its function.
 */
@ApplicationScoped
public class LambdaEvents {

    private final ObjectMapper reader = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** True when the event is a batch of records from the given source ({@code aws:sqs}, {@code aws:dynamodb}). */
    static boolean isBatchFrom(JsonNode event, String eventSource) {
        JsonNode records = event == null ? null : event.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            return false;
        }
        for (JsonNode record : records) {
            JsonNode source = record.has("eventSource") ? record.get("eventSource") : record.get("EventSource");
            if (source == null || !eventSource.equals(source.asText())) {
                return false;
            }
        }
        return true;
    }

    static boolean isSqs(JsonNode event) {
        return isBatchFrom(event, "aws:sqs");
    }

    static boolean isStream(JsonNode event) {
        return isBatchFrom(event, "aws:dynamodb");
    }

    SQSEvent sqs(JsonNode event) {
        return reader.convertValue(event, SQSEvent.class);
    }

    DynamodbEvent stream(JsonNode event) {
        return reader.convertValue(event, DynamodbEvent.class);
    }

    /** A stream record's image as the AWS SDK's DynamoDB model writes items; null stays null. */
    static Map<String, AttributeValue> image(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null) {
            return null;
        }
        Map<String, AttributeValue> item = new HashMap<>();
        image.forEach((name, value) -> item.put(name, value(value)));
        return item;
    }

    private static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        if (v.getNULL() != null) {
            return AttributeValue.fromNul(v.getNULL());
        }
        if (v.getM() != null) {
            return AttributeValue.fromM(image(v.getM()));
        }
        if (v.getL() != null) {
            return AttributeValue.fromL(v.getL().stream().map(LambdaEvents::value).toList());
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(v.getNS());
        }
        if (v.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB()));
        }
        if (v.getBS() != null) {
            List<SdkBytes> bytes = v.getBS().stream().map(ByteBuffer::duplicate).map(SdkBytes::fromByteBuffer).toList();
            return AttributeValue.fromBs(bytes);
        }
        throw new IllegalArgumentException("an attribute value of no known type");
    }
}
