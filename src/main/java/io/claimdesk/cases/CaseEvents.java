package io.claimdesk.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.policy.Announcement;
import io.claimdesk.policy.ClaimCase;
import org.jboss.logging.Logger;

/**
 * What the desk tells EventBridge: publishes a case's outbox ({@link ClaimCase#outbox()}) through
 * {@link EventBridgeCall} (the only code that speaks to EventBridge), one event per announcement, source
 * {@value Announcement#SOURCE}, its detail-type from {@link Announcement#detailType}, and a detail of codes, dates
 * and rules only ({@link #detail}). It never throws: a failure leaves the outbox as it is, and the sweep publishes
 * it later.
 */
@ApplicationScoped
public class CaseEvents {

    private static final Logger LOG = Logger.getLogger(CaseEvents.class);

    /** PutEvents takes at most 10 entries per call. */
    static final int ENTRIES_PER_CALL = 10;

    private final EventBridgeCall events;
    private final ObjectMapper json;
    private final ClaimDeskConfig.Events config;

    public CaseEvents(EventBridgeCall events, ObjectMapper json, ClaimDeskConfig config) {
        this.events = events;
        this.json = json;
        this.config = config.events();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Publishes every announcement of the case's outbox; true when EventBridge took them all. */
    public boolean publish(ClaimCase c) {
        List<EventBridgeCall.Entry> entries = new ArrayList<>();
        for (Announcement a : c.outbox()) {
            entries.add(new EventBridgeCall.Entry(Announcement.SOURCE, a.detailType(), detail(c, a), a.at(), config.busName()));
        }
        try {
            for (int from = 0; from < entries.size(); from += ENTRIES_PER_CALL) {
                List<EventBridgeCall.Entry> chunk = entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_CALL));
                EventBridgeCall.Result result = events.putEvents(chunk);
                if (result.failedEntryCount() > 0) {
                    LOG.warnf("%d of %d event(s) of case %s not taken by EventBridge (%s); left for the sweep to publish",
                            result.failedEntryCount(), chunk.size(), c.orderId(), result.errorCode());
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Whatever failed (network, error answer, credentials), the change is stored: the sweep publishes it later.
            LOG.warnf("event(s) of case %s not published (%s); left for the sweep to publish", c.orderId(), e.getMessage());
            return false;
        }
        LOG.infof("published %d event(s) of case %s", entries.size(), c.orderId());
        return true;
    }

    /**
     * The detail of one announcement: its stable {@code id} (order id and history index), the order, marketplace,
     * event, history index and time, the status before and after (with the close reason), the rules, and the next
     * attention after the change. Codes, dates and rules only: no free text, no buyer data.
     */
    String detail(ClaimCase c, Announcement a) {
        ObjectNode d = json.createObjectNode();
        d.put("id", Announcement.id(c.orderId(), a.index()));
        d.put("orderId", c.orderId());
        d.put("marketplace", c.facts().marketplace().name());
        d.put("event", a.event().name());
        d.put("historyIndex", a.index());
        d.put("at", a.at().toString());
        d.put("statusBefore", a.from() == null ? null : a.from().name());
        d.put("statusAfter", a.to().name());
        d.put("closeReason", a.closeReason() == null ? null : a.closeReason().name());
        a.rules().forEach(r -> d.withArray("rules").add(r.name()));
        d.put("nextAttention", a.next() == null ? null : a.next().on().toString());
        d.put("nextAttentionKind", a.next() == null ? null : a.next().kind().name());
        return d.toString();
    }
}
