package io.claimdesk.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.claimdesk.ClaimDeskConfig;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The only code that speaks to EventBridge: the AWS SDK's client, with DynamoDB's region and credentials, the JDK's URL
 * connection client, and the SDK's standard retries of throttling and server errors. Only {@link CaseEvents} makes one,
 * on first use: no other function loads a class of the SDK's EventBridge module.
 */
final class Bus implements AutoCloseable {

    /** One event as PutEvents takes it. */
    record Entry(String source, String detailType, String detail, Instant time, String eventBusName) {
    }

    /** EventBridge's answer, entry by entry in the order sent: null where it took the entry, its error code where not. */
    record Result(List<String> errorCodes) {
    }

    private final EventBridgeClient client;

    Bus(DynamoDbClient dynamo, ClaimDeskConfig.Events config) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(config.attemptTimeout())
                .apiCallTimeout(config.callTimeout());
        config.interceptors().ifPresent(names -> names.forEach(name -> override.addExecutionInterceptor(interceptor(name))));
        EventBridgeClientBuilder builder = EventBridgeClient.builder()
                .region(dynamo.serviceClientConfiguration().region())
                .credentialsProvider(dynamo.serviceClientConfiguration().credentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(override.build());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        client = builder.build();
    }

    /** Puts at most 10 entries; throws when the call as a whole fails (after the SDK's retries). */
    Result put(List<Entry> entries) {
        PutEventsResponse response = client.putEvents(b -> b.entries(entries.stream().map(e -> PutEventsRequestEntry.builder()
                .source(e.source())
                .detailType(e.detailType())
                .detail(e.detail())
                .time(e.time())
                .eventBusName(e.eventBusName())
                .build()).toList()));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            PutEventsResultEntry r = i < response.entries().size() ? response.entries().get(i) : null;
            codes.add(r == null ? "NoResult" : r.errorCode());
        }
        return new Result(codes);
    }

    private static ExecutionInterceptor interceptor(String className) {
        try {
            return (ExecutionInterceptor) Class.forName(className, true, Thread.currentThread().getContextClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("claimdesk.events.interceptors: cannot make " + className, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
