package io.claimdesk.cases;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Counts the DynamoDB calls (one per API call, whatever the SDK retried underneath) and the capacity
 * they consumed, per invocation. The synchronous client runs interceptors on the calling thread, so a
 * thread-local meter sees exactly one invocation's calls. Registered with {@code quarkus.dynamodb.interceptors}.
 */
public class RoundTrips implements ExecutionInterceptor {

    /** What one invocation did against DynamoDB, and the wall time spent inside those calls. */
    public record Meter(List<String> operations, double capacityUnits, long nanosInCalls) {
        public int calls() {
            return operations.size();
        }
    }

    private static final ThreadLocal<MutableMeter> CURRENT = ThreadLocal.withInitial(MutableMeter::new);

    /** Starts counting for the invocation running on this thread. */
    public static void start() {
        CURRENT.get().reset();
    }

    public static Meter current() {
        MutableMeter m = CURRENT.get();
        return new Meter(List.copyOf(m.operations), m.capacity, m.nanos);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        CURRENT.get().startedAt = System.nanoTime();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        MutableMeter m = CURRENT.get();
        m.operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        m.nanos += System.nanoTime() - m.startedAt;
        SdkResponse response = context.response();
        // Single-item calls and Query answer one ConsumedCapacity; batch calls answer a list of them.
        response.getValueForField("ConsumedCapacity", Object.class).ifPresent(value -> {
            if (value instanceof ConsumedCapacity c) {
                m.capacity += units(c);
            } else if (value instanceof List<?> list) {
                list.stream().filter(ConsumedCapacity.class::isInstance)
                        .forEach(c -> m.capacity += units((ConsumedCapacity) c));
            }
        });
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        // A refused conditional write is still a round trip (and consumes write capacity).
        MutableMeter m = CURRENT.get();
        m.operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        m.nanos += System.nanoTime() - m.startedAt;
    }

    private static double units(ConsumedCapacity c) {
        return c.capacityUnits() == null ? 0 : c.capacityUnits();
    }

    private static final class MutableMeter {
        final List<String> operations = new ArrayList<>();
        double capacity;
        long nanos;
        long startedAt;

        void reset() {
            operations.clear();
            capacity = 0;
            nanos = 0;
        }
    }
}
