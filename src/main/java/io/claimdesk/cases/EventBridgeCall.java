package io.claimdesk.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.claimdesk.ClaimDeskConfig;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * EventBridge's PutEvents, the one EventBridge call the desk makes, made with what function.zip already holds for
 * DynamoDB (the JDK's URL connection client, the SDK's SigV4 signer and region metadata, DynamoDB's region and
 * credentials) rather than with the SDK's EventBridge module, which would add 1.9 MB for this one call. The request
 * is the one that module sends (awsJson 1.1: a POST of a JSON body to {@code /}, the operation in
 * {@code X-Amz-Target}), without its client-telemetry headers. One attempt, no retries: an event not published stays
 * in the case's outbox, and the sweep publishes it later.
 */
@ApplicationScoped
public class EventBridgeCall {

    static final String SIGNING_NAME = "events";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final String TARGET = "AWSEvents.PutEvents";

    /**
     * To connect, and then for each read: a slow EventBridge must not hold a function that already stored its change
     * (at most about 4 s in all, then the sweep catches up).
     */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** One event as PutEvents takes it. */
    public record Entry(String source, String detailType, String detail, Instant time, String eventBusName) {
    }

    /** EventBridge's answer to a call it took: how many entries it refused, and the first refusal's error code. */
    public record Result(int failedEntryCount, String errorCode) {
    }

    /** What the endpoint answered: the HTTP status and the body. */
    public record Answer(int status, byte[] body) {
    }

    private final URI endpoint;
    private final Region region;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final ObjectMapper json;
    private final Clock clock;
    private final SdkHttpClient http;

    /** The same region and credentials as the DynamoDB client; AWS's endpoint of that region unless overridden. */
    @Inject
    public EventBridgeCall(DynamoDbClient dynamo, ObjectMapper json, ClaimDeskConfig config) {
        this(config.events().endpointOverride().orElseGet(() -> endpoint(dynamo.serviceClientConfiguration().region())),
                dynamo.serviceClientConfiguration().region(), dynamo.serviceClientConfiguration().credentialsProvider(),
                json, Clock.systemUTC());
    }

    EventBridgeCall(URI endpoint, Region region, IdentityProvider<? extends AwsCredentialsIdentity> credentials,
                    ObjectMapper json, Clock clock) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.json = json;
        this.clock = clock;
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(TIMEOUT).socketTimeout(TIMEOUT).build();
    }

    /** EventBridge's regional endpoint, e.g. {@code https://events.eu-west-3.amazonaws.com}. */
    static URI endpoint(Region region) {
        return URI.create("https://events." + region.id() + "." + PartitionMetadata.of(region).dnsSuffix());
    }

    /**
     * Puts at most 10 entries. The result says how many EventBridge refused; an exception, that the call failed
     * (unreachable, too slow, or an error answer such as throttling or invalid credentials).
     */
    public Result putEvents(List<Entry> entries) throws IOException {
        byte[] body = body(entries);
        return result(send(sign(body), body));
    }

    /** The signed request of a PutEvents call with this body (SigV4, the credentials resolved now). */
    SdkHttpRequest sign(byte[] body) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", TARGET)
                // Signed, as the SDK signs it; the URL connection client then streams the body at this fixed length.
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        return AwsV4HttpSigner.create().sign(r -> r
                .request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .identity(identity)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .putProperty(HttpSigner.SIGNING_CLOCK, clock))
                .request();
    }

    /** The body of a PutEvents call, member for member as the SDK's awsJson 1.1 marshaller writes it. */
    byte[] body(List<Entry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("Entries");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeFieldName("Time");
                g.writeNumber(epochSeconds(e.time()));
                g.writeStringField("Source", e.source());
                g.writeStringField("DetailType", e.detailType());
                g.writeStringField("Detail", e.detail());
                g.writeStringField("EventBusName", e.eventBusName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * An awsJson timestamp: epoch seconds as a JSON number, the milliseconds as its fraction, always three digits
     * ({@code 1772361000.000}), as the SDK writes it (its {@code DateUtils.formatUnixTimestampInstant}).
     */
    static String epochSeconds(Instant time) {
        return BigDecimal.valueOf(time.toEpochMilli()).scaleByPowerOfTen(-3).toPlainString();
    }

    /** Sends a signed request and reads the answer; protected so that tests can make EventBridge fail. */
    protected Answer send(SdkHttpRequest request, byte[] body) throws IOException {
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(request)
                .contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body))
                .build()).call();
        try (InputStream in = response.responseBody().map(InputStream.class::cast).orElseGet(InputStream::nullInputStream)) {
            return new Answer(response.httpResponse().statusCode(), in.readAllBytes());
        }
    }

    /** What an answer means: a result when EventBridge took the call, an exception with its error otherwise. */
    Result result(Answer answer) throws IOException {
        if (answer.status() / 100 != 2) {
            JsonNode error = readLeniently(answer.body());
            // awsJson errors: {"__type":"[namespace#]Code","message":"..."}
            String type = error.path("__type").asText("");
            String message = error.path("message").asText(error.path("Message").asText(""));
            throw new IOException("EventBridge answered HTTP " + answer.status()
                    + (type.isEmpty() ? "" : " " + type.substring(type.lastIndexOf('#') + 1))
                    + (message.isEmpty() ? "" : ": " + message));
        }
        JsonNode taken = json.readTree(answer.body());
        String code = "?";
        for (JsonNode entry : taken.path("Entries")) {
            if (entry.hasNonNull("ErrorCode")) {
                code = entry.get("ErrorCode").asText();
                break;
            }
        }
        return new Result(taken.path("FailedEntryCount").asInt(0), code);
    }

    /** An error body as JSON, or nothing when it is not (a proxy's HTML page, an empty body). */
    private JsonNode readLeniently(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
