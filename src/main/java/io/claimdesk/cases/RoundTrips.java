package io.claimdesk.cases;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Counts the DynamoDB calls (one per API call, whatever the SDK retried underneath) and the items they read, per
 * invocation: what the desk's cost grows with. The synchronous client runs interceptors on the calling thread, so a
 * thread-local meter sees exactly one invocation's calls. Registered with {@code quarkus.dynamodb.interceptors}.
 * Consumed capacity is not asked for: DynamoDB's table metrics give it, and reading it back would cost every cold
 * start the SDK's floating-point parser.
 */
public class RoundTrips implements ExecutionInterceptor {

    /**
     * What one invocation did against DynamoDB: its calls, the items they read (a Query's scanned items, before any
     * filter; a GetItem's item when there is one), and the wall time spent inside those calls.
     */
    public record Meter(List<String> operations, int itemsRead, long nanosInCalls) {
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
        return new Meter(List.copyOf(m.operations), m.itemsRead, m.nanos);
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
        if (context.response() instanceof QueryResponse query && query.scannedCount() != null) {
            m.itemsRead += query.scannedCount();
        } else if (context.response() instanceof GetItemResponse get && get.hasItem() && !get.item().isEmpty()) {
            m.itemsRead++;
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        // A refused conditional write is still a round trip.
        MutableMeter m = CURRENT.get();
        m.operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        m.nanos += System.nanoTime() - m.startedAt;
    }

    private static final class MutableMeter {
        final List<String> operations = new ArrayList<>();
        int itemsRead;
        long nanos;
        long startedAt;

        void reset() {
            operations.clear();
            itemsRead = 0;
            nanos = 0;
        }
    }
}
