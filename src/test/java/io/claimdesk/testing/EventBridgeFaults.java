package io.claimdesk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * EventBridge refusing some entries of a PutEvents call, as it does under load (the call succeeds, {@code FailedEntryCount}
 * counts the refused, each refused entry has an {@code ErrorCode} instead of an {@code EventId}): the entries whose
 * detail id is armed are taken out of the request before it is sent, so the engine never publishes them, and put back
 * into the answer as refused. Registered on the functions' EventBridge client with {@code claimdesk.events.interceptors}
 * by {@link FunctionProfile.PublishChanges}; it also records each call's entries, by detail id. Disarmed it only records.
 */
public class EventBridgeFaults implements ExecutionInterceptor {

    private static final ExecutionAttribute<List<Integer>> REFUSED = new ExecutionAttribute<>("claimdesk.refused");
    private static final List<List<String>> CALLS = new CopyOnWriteArrayList<>();
    private static volatile List<String> refuse = List.of();
    private static volatile int times;

    /** The entries with these detail ids are refused, in the next {@code calls} calls that carry them. */
    public static void refuse(int calls, String... ids) {
        times = calls;
        refuse = List.of(ids);
    }

    public static void disarm() {
        refuse = List.of();
        times = 0;
    }

    /** Forgets the calls recorded so far. */
    public static void reset() {
        CALLS.clear();
    }

    /** The detail ids of the entries of each PutEvents call since {@link #reset()}, in the order sent. */
    public static List<List<String>> calls() {
        return List.copyOf(CALLS);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof PutEventsRequest put)) {
            return context.request();
        }
        List<String> ids = put.entries().stream().map(EventBridgeFaults::id).toList();
        CALLS.add(ids);
        List<Integer> refused = new ArrayList<>();
        if (times > 0 && ids.stream().anyMatch(refuse::contains)) {
            times--;
            for (int i = 0; i < ids.size(); i++) {
                if (refuse.contains(ids.get(i))) {
                    refused.add(i);
                }
            }
        }
        attributes.putAttribute(REFUSED, refused);
        if (refused.isEmpty()) {
            return put;
        }
        List<PutEventsRequestEntry> kept = new ArrayList<>();
        for (int i = 0; i < put.entries().size(); i++) {
            if (!refused.contains(i)) {
                kept.add(put.entries().get(i));
            }
        }
        return put.toBuilder().entries(kept).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        List<Integer> refused = attributes.getAttribute(REFUSED);
        if (!(context.response() instanceof PutEventsResponse answer) || refused == null || refused.isEmpty()) {
            return context.response();
        }
        List<PutEventsResultEntry> entries = new ArrayList<>(answer.entries());
        for (int i : refused) {
            entries.add(Math.min(i, entries.size()), PutEventsResultEntry.builder().errorCode("InternalFailure")
                    .errorMessage("injected").build());
        }
        int failed = (answer.failedEntryCount() == null ? 0 : answer.failedEntryCount()) + refused.size();
        return answer.toBuilder().entries(entries).failedEntryCount(failed).build();
    }

    private static String id(PutEventsRequestEntry entry) {
        try {
            JsonNode detail = Events.JSON.readTree(entry.detail());
            return detail.path("id").asText();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
