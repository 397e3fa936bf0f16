package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Lambda's SQS and DynamoDB stream events, as AWS documents them, read into AWS's event classes and the SDK's items. */
class LambdaEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** AWS's documented example of a DynamoDB stream record (NEW_AND_OLD_IMAGES), with every kind of value in its image. */
    private static final String STREAM = """
            {"Records": [{"eventID": "c4ca4238a0b923820dcc509a6f75849b", "eventName": "MODIFY", "eventVersion": "1.1",
              "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
              "dynamodb": {"ApproximateCreationDateTime": 1479499740, "Keys": {"orderId": {"S": "o-1"}},
                "NewImage": {"orderId": {"S": "o-1"}, "version": {"N": "2"}, "tracked": {"BOOL": true}, "none": {"NULL": true},
                  "history": {"L": [{"M": {"event": {"S": "REFUND_RECORDED"}}}]}, "tags": {"SS": ["a", "b"]},
                  "counts": {"NS": ["1", "2"]}, "blob": {"B": "AQI="}},
                "OldImage": {"orderId": {"S": "o-1"}, "version": {"N": "1"}},
                "SequenceNumber": "4421584500000000017450439091", "SizeBytes": 26, "StreamViewType": "NEW_AND_OLD_IMAGES"},
              "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2016-11-16T20:42:48.104"}]}""";

    private static final String SQS = """
            {"Records": [{"messageId": "059f36b4-87a3-44ab-83d2-661975830a7d", "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
              "body": "{}", "attributes": {"ApproximateReceiveCount": "1"}, "messageAttributes": {},
              "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3", "eventSource": "aws:sqs",
              "eventSourceARN": "arn:aws:sqs:us-east-2:123456789012:my-queue", "awsRegion": "us-east-2"}]}""";

    @Test
    void aStreamRecordsImagesBecomeTheItemsTheStoreWrites() throws Exception {
        JsonNode event = JSON.readTree(STREAM);
        assertThat(LambdaEvents.isStream(event)).isTrue();
        assertThat(LambdaEvents.isSqs(event)).isFalse();

        DynamodbEvent.DynamodbStreamRecord record = new LambdaEvents().stream(event).getRecords().get(0);
        assertThat(record.getDynamodb().getSequenceNumber()).isEqualTo("4421584500000000017450439091");
        Map<String, AttributeValue> item = LambdaEvents.image(record.getDynamodb().getNewImage());
        assertThat(item).containsEntry("orderId", AttributeValue.fromS("o-1"))
                .containsEntry("version", AttributeValue.fromN("2"))
                .containsEntry("tracked", AttributeValue.fromBool(true))
                .containsEntry("none", AttributeValue.fromNul(true))
                .containsEntry("history", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("event",
                        AttributeValue.fromS("REFUND_RECORDED"))))))
                .containsEntry("tags", AttributeValue.fromSs(List.of("a", "b")))
                .containsEntry("counts", AttributeValue.fromNs(List.of("1", "2")))
                .containsEntry("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})));
        assertThat(LambdaEvents.image(record.getDynamodb().getOldImage())).containsEntry("version", AttributeValue.fromN("1"));
        assertThat(LambdaEvents.image(null)).isNull();
    }

    @Test
    void anSqsBatchIsReadMessageByMessage() throws Exception {
        JsonNode event = JSON.readTree(SQS);
        assertThat(LambdaEvents.isSqs(event)).isTrue();
        SQSEvent.SQSMessage message = new LambdaEvents().sqs(event).getRecords().get(0);
        assertThat(message.getMessageId()).isEqualTo("059f36b4-87a3-44ab-83d2-661975830a7d");
        assertThat(message.getBody()).isEqualTo("{}");
    }

    @Test
    void onlyABatchOfRecordsAllFromOneSourceIsThatSourcesEvent() throws Exception {
        assertThat(LambdaEvents.isSqs(JSON.readTree("{\"Records\": []}"))).isFalse();
        assertThat(LambdaEvents.isSqs(JSON.readTree("{\"Records\": {}}"))).isFalse();
        assertThat(LambdaEvents.isSqs(JSON.readTree("{\"orderId\": \"o-1\"}"))).isFalse();
        assertThat(LambdaEvents.isSqs(JSON.readTree("{\"Records\": [{\"eventSource\": \"aws:sqs\"}, {\"eventSource\": \"aws:sns\"}]}")))
                .isFalse();
        assertThat(LambdaEvents.isSqs(null)).isFalse();
    }
}
