package io.claimdesk.testing;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Makes the DynamoDB client fail the way DynamoDB does under load, for the next N HTTP attempts (the
 * SDK's own retries included) of the chosen operations. Registered with {@code quarkus.dynamodb.interceptors}
 * by {@link FunctionProfile.Faults}; disarmed it does nothing.
 * <ul>
 * <li>{@link #throttle}: the attempt fails with ProvisionedThroughputExceededException (or ThrottlingException)
 * before it is sent, as DynamoDB answers a throttled request without applying it; the SDK retries it with
 * its throttling back-off until its call timeout;</li>
 * <li>{@link #throttleCalls}: the same, surfaced at once, as once the SDK's own retries are spent (fast);</li>
 * <li>{@link #slowBeforeSending}: the attempt hangs before the request leaves (the engine never sees it);</li>
 * <li>{@link #slowAfterSending}: the engine applies the request, but its answer comes too late.</li>
 * </ul>
 * Both slow modes hang longer than {@code quarkus.dynamodb.api-call-attempt-timeout}, so the SDK gives up.
 */
public class FaultInjector implements ExecutionInterceptor {

    enum Mode { OFF, PROVISIONED, THROTTLING, PROVISIONED_CALL, SLOW_BEFORE, SLOW_AFTER }

    private static volatile Mode mode = Mode.OFF;
    private static volatile Set<String> operations = Set.of();
    private static volatile Duration delay = Duration.ZERO;
    private static final AtomicInteger left = new AtomicInteger();
    private static final AtomicInteger pass = new AtomicInteger();
    private static final AtomicInteger injected = new AtomicInteger();

    /** The next {@code attempts} attempts of {@code ops} (all operations when none given) are throttled. */
    public static void throttle(int attempts, String... ops) {
        arm(Mode.PROVISIONED, attempts, Duration.ZERO, ops);
    }

    /** As {@link #throttle}, with the generic ThrottlingException code instead. */
    public static void throttleGeneric(int attempts, String... ops) {
        arm(Mode.THROTTLING, attempts, Duration.ZERO, ops);
    }

    /** The next {@code calls} API calls of {@code ops} fail throttled without going through the SDK's retries. */
    public static void throttleCalls(int calls, String... ops) {
        arm(Mode.PROVISIONED_CALL, calls, Duration.ZERO, ops);
    }

    /** As {@link #throttleCalls}, after letting the first {@code passing} matching calls through. */
    public static void throttleCallsAfter(int passing, int calls, String... ops) {
        arm(Mode.PROVISIONED_CALL, calls, Duration.ZERO, ops);
        pass.set(passing);
    }

    public static void slowBeforeSending(Duration hang, int attempts, String... ops) {
        arm(Mode.SLOW_BEFORE, attempts, hang, ops);
    }

    public static void slowAfterSending(Duration hang, int attempts, String... ops) {
        arm(Mode.SLOW_AFTER, attempts, hang, ops);
    }

    public static void disarm() {
        mode = Mode.OFF;
        left.set(0);
    }

    /** How many attempts were made to fail or hang since the last arming. */
    public static int injected() {
        return injected.get();
    }

    private static void arm(Mode m, int attempts, Duration hang, String... ops) {
        operations = Set.of(ops);
        delay = hang;
        injected.set(0);
        pass.set(0);
        left.set(attempts);
        mode = m;
    }

    private static boolean take(Mode wanted, ExecutionAttributes attributes) {
        if (mode != wanted) {
            return false;
        }
        String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!operations.isEmpty() && !operations.contains(op)) {
            return false;
        }
        if (pass.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return false;
        }
        if (left.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return false;
        }
        injected.incrementAndGet();
        return true;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (take(Mode.PROVISIONED_CALL, attributes)) {
            throw provisionedThroughputExceeded();
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (take(Mode.PROVISIONED, attributes)) {
            throw provisionedThroughputExceeded();
        }
        if (take(Mode.THROTTLING, attributes)) {
            throw DynamoDbException.builder()
                    .message("Rate exceeded (injected)")
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().serviceName("DynamoDb")
                            .errorCode("ThrottlingException").errorMessage("injected").build())
                    .build();
        }
        if (take(Mode.SLOW_BEFORE, attributes)) {
            hang();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (take(Mode.SLOW_AFTER, attributes)) {
            hang();
        }
    }

    private static ProvisionedThroughputExceededException provisionedThroughputExceeded() {
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .message("The level of configured provisioned throughput for the table was exceeded (injected)")
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().serviceName("DynamoDb")
                        .errorCode("ProvisionedThroughputExceededException").errorMessage("injected").build())
                .build();
    }

    private static void hang() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            // The SDK's attempt timeout interrupts the call; let it report the timeout.
            Thread.currentThread().interrupt();
            throw AbortedException.builder().message("hang interrupted by the attempt timeout").build();
        }
    }
}
