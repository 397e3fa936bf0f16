package io.claimdesk.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every DynamoDB API call the application makes (one per call, retries included once), across threads. */
public class CallCounter implements ExecutionInterceptor {

    private static final List<String> CALLS = new CopyOnWriteArrayList<>();

    public static void reset() {
        CALLS.clear();
    }

    public static List<String> calls() {
        return List.copyOf(CALLS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        CALLS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
}
