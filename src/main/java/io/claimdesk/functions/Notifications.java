package io.claimdesk.functions;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimdesk.cases.CaseService;
import io.claimdesk.cases.CaseTable;
import io.claimdesk.cases.StoreUnavailable;
import io.claimdesk.policy.Refusal;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One SP-API notification from the queue, handled: read ({@link SpApiNotification}), handed to the case service, and
 * logged by its id, type, order and outcome, never by its content. Says whether the message is done with (true) or is to
 * be delivered again (false: it could not be read, or the store could not take it now).
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    private final CaseService cases;
    private final ObjectMapper json;

    public Notifications(CaseService cases, ObjectMapper json) {
        this.cases = cases;
        this.json = json;
    }

    boolean handle(String messageId, String body) {
        SpApiNotification.Read read;
        try {
            read = SpApiNotification.read(json, body);
        } catch (SpApiNotification.Unreadable e) {
            LOG.warnf("message %s is not an SP-API notification the desk can read: %s; left to the queue, which delivers it"
                    + " again and then moves it to the dead-letter queue", messageId, e.getMessage());
            return false;
        }
        String about = "notification " + (read.notificationId() == null ? "(no id) in message " + messageId : read.notificationId())
                + " (" + read.type() + ")";
        try {
            if (read instanceof SpApiNotification.OrderChanged o) {
                orderChanged(about, o);
            } else if (read instanceof SpApiNotification.Milestone m) {
                milestone(about, m);
            } else {
                LOG.infof("%s: not a type the desk reads; skipped", about);
            }
            return true;
        } catch (Refusal r) {
            // What the policy refuses now it refuses again: delivering it again would change nothing.
            LOG.infof("%s: refused: %s %s; nothing changed", about, r.code(), r.field() == null ? "-" : r.field());
            return true;
        } catch (StoreUnavailable e) {
            LOG.errorf("%s: %s: %s; left to the queue, which delivers it again", CaseTable.SPAPI_NOTIFICATIONS,
                    FunctionError.STORE_UNAVAILABLE, e.getMessage());
            return false;
        } finally {
            MDC.remove("orderId");
        }
    }

    private void orderChanged(String about, SpApiNotification.OrderChanged o) {
        MDC.put("orderId", o.orderId());
        CaseService.NoticeResult result = cases.orderChanged(o.orderId(), o.change(), CaseTable.SPAPI_NOTIFICATIONS);
        log(about, result);
    }

    private void milestone(String about, SpApiNotification.Milestone m) {
        if (m.aftn() == null) {
            LOG.infof("%s: no Amazon tracking id (aftn) to find a case by; skipped", about);
            return;
        }
        if (!m.delivered()) {
            LOG.infof("%s: milestone %s, not a delivery; nothing to apply", about, m.code());
            return;
        }
        List<CaseService.NoticeResult> results = cases.delivered(m.aftn(), m.occurredAt(), CaseTable.SPAPI_NOTIFICATIONS);
        if (results.isEmpty()) {
            LOG.infof("%s: no case has a shipment with tracking id %s; skipped", about, m.aftn());
        }
        results.forEach(r -> {
            MDC.put("orderId", r.orderId());
            log(about, r);
        });
    }

    private static void log(String about, CaseService.NoticeResult result) {
        switch (result.outcome()) {
            case NO_CASE -> LOG.infof("%s: no case for order %s; skipped", about, result.orderId());
            case UNCHANGED -> LOG.infof("%s: order %s: no later than what was last applied; nothing changed", about,
                    result.orderId());
            case APPLIED -> LOG.infof("%s: order %s: applied%s", about, result.orderId(), result.added().isEmpty() ? ""
                    : " (" + String.join(", ", result.added().stream().map(h -> h.event()).toList()) + ")");
        }
    }
}
