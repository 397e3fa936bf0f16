package io.claimdesk.functions;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.claimdesk.policy.Refusal;

/** EventBridge's standard "Scheduled Event"; only {@code time} matters: the sweep runs as of it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(
        String version,
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String account,
        Instant time,
        String region,
        List<String> resources,
        JsonNode detail) {

    static final String DETAIL_TYPE = "Scheduled Event";

    public ScheduledEvent {
        Fields.required("time", time);
        // Only the schedule starts a sweep: any other event sent here is a mistake, not a request.
        if (!DETAIL_TYPE.equals(detailType)) {
            throw Refusal.invalid("detail-type", "only an EventBridge \"" + DETAIL_TYPE + "\" starts a sweep");
        }
    }

    static boolean isOne(JsonNode json) {
        return json != null && json.isObject() && json.has("detail-type");
    }
}
