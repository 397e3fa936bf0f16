package io.claimdesk.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.policy.Announcement;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.Marketplace;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the desk tells EventBridge: the announcements of the history entries each change added to a case
 * ({@link Announcement#added}), read from the table's stream, one event per announcement: source
 * {@value Announcement#SOURCE}, its detail-type from {@link Announcement#detailType}, a detail of codes, dates and rules
 * only ({@link #detail}) whose {@code id} is {@code <orderId>/<historyIndex>}, the same however often it is published.
 * Sent with the AWS SDK's EventBridge client ({@link Bus}, built on first use, so that no other function loads it) in
 * PutEvents calls of up to {@value #ENTRIES_PER_CALL} entries; an entry EventBridge refuses is sent again alone with the
 * others it refused, a few times, and what still fails is reported back, so that Lambda retries the stream from there.
 */
@ApplicationScoped
public class CaseEvents {

    private static final Logger LOG = Logger.getLogger(CaseEvents.class);

    /** PutEvents takes at most 10 entries per call. */
    public static final int ENTRIES_PER_CALL = 10;

    /** The line an event that could not be published is logged under, at ERROR, with its case and id. */
    public static final String NOT_PUBLISHED = "EVENTS_NOT_PUBLISHED";

    private final DynamoDbClient dynamo;
    private final CaseStore store;
    private final ObjectMapper json;
    private final ClaimDeskConfig.Events config;
    private volatile Bus bus;

    public CaseEvents(DynamoDbClient dynamo, CaseStore store, ObjectMapper json, ClaimDeskConfig config) {
        this.dynamo = dynamo;
        this.store = store;
        this.json = json;
        this.config = config.events();
    }

    /**
     * One change of the table, as its stream records it: where it is in the stream ({@code position}, the record's
     * sequence number), and the case before and after it (before null: a new case; after null: the item was removed).
     */
    public record Change(String position, ClaimCase before, ClaimCase after) {

        /** What it announces: the entries it added to the history, oldest first; none for a removed item. */
        public List<Announcement> announcements() {
            return after == null ? List.of() : Announcement.added(before, after);
        }
    }

    /** A change from the items before and after it (absent or empty: none), as the table's stream gives them. */
    public static Change change(String position, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        return new Change(position, oldImage == null || oldImage.isEmpty() ? null : CaseItems.fromItem(oldImage),
                newImage == null || newImage.isEmpty() ? null : CaseItems.fromItem(newImage));
    }

    /**
     * What publishing a batch of changes did: the events published, the PutEvents calls made, and the position of the
     * first change with an event still not published (null: none), from which the stream is to be read again.
     */
    public record Published(int events, int calls, String failedAt) {
    }

    /** One event to put, and the change it belongs to. */
    private record Pending(String position, String orderId, String id, Bus.Entry entry) {
    }

    /**
     * Publishes the announcements of the changes, in their order, up to {@value #ENTRIES_PER_CALL} to a call. Stops at
     * the first call with an entry still refused after {@code claimdesk.events.entry-attempts}: the changes from that one
     * on are read again from the stream, and their events published again under the same ids.
     */
    public Published publish(List<Change> changes) {
        List<Pending> pending = new ArrayList<>();
        for (Change change : changes) {
            for (Announcement a : change.announcements()) {
                pending.add(pending(change.position(), change.after().orderId(), change.after().facts().marketplace(), a));
            }
        }
        int published = 0;
        int calls = 0;
        for (int from = 0; from < pending.size(); from += ENTRIES_PER_CALL) {
            List<Pending> chunk = pending.subList(from, Math.min(pending.size(), from + ENTRIES_PER_CALL));
            Sent sent = send(chunk);
            calls += sent.calls();
            published += chunk.size() - sent.failed().size();
            if (!sent.failed().isEmpty()) {
                Pending first = sent.failed().get(0);
                sent.failed().forEach(p -> LOG.errorf("%s: case %s, event %s not taken by EventBridge (%s); the stream is read again from it",
                        NOT_PUBLISHED, p.orderId(), p.id(), sent.why()));
                LOG.infof("published %d event(s) in %d PutEvents call(s); not published from change %s on", published, calls,
                        first.position());
                return new Published(published, calls, first.position());
            }
        }
        if (!pending.isEmpty()) {
            LOG.infof("published %d event(s) of %d change(s) in %d PutEvents call(s)", published, changes.size(), calls);
        }
        return new Published(published, calls, null);
    }

    /**
     * What publishing a case's history again did: the ids of the events published, those not taken, and how many
     * entries from {@code from} on were not announced (opening and fact corrections, or recorded before entries said
     * where they left the case).
     */
    public record Republished(String orderId, List<String> published, List<String> failed, int notAnnounced, int calls) {
    }

    /**
     * Publishes again the announcements of a case's history from entry {@code from} on, under the ids they were first
     * published with, so a consumer that de-duplicates on the id sees each once: for an operator, when the stream's 24
     * hours have passed over events that were not published. Empty when there is no such case.
     */
    public Optional<Republished> republish(String orderId, int from) {
        Optional<ClaimCase> read = store.find(orderId);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        ClaimCase c = read.get();
        List<Announcement> announcements = Announcement.inHistory(c, from);
        List<String> published = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int calls = 0;
        List<Pending> pending = announcements.stream().map(a -> pending("republish", orderId, c.facts().marketplace(), a)).toList();
        for (int i = 0; i < pending.size(); i += ENTRIES_PER_CALL) {
            List<Pending> chunk = pending.subList(i, Math.min(pending.size(), i + ENTRIES_PER_CALL));
            Sent sent = send(chunk);
            calls += sent.calls();
            chunk.stream().filter(p -> !sent.failed().contains(p)).forEach(p -> published.add(p.id()));
            sent.failed().forEach(p -> {
                failed.add(p.id());
                LOG.errorf("%s: case %s, event %s not taken by EventBridge (%s)", NOT_PUBLISHED, orderId, p.id(), sent.why());
            });
        }
        int notAnnounced = Math.max(0, c.history().size() - Math.max(0, from)) - announcements.size();
        LOG.infof("republished %d event(s) of case %s from history entry %d in %d PutEvents call(s); %d not taken",
                published.size(), orderId, from, calls, failed.size());
        return Optional.of(new Republished(orderId, List.copyOf(published), List.copyOf(failed), notAnnounced, calls));
    }

    private Pending pending(String position, String orderId, Marketplace marketplace, Announcement a) {
        return new Pending(position, orderId, Announcement.id(orderId, a.index()),
                new Bus.Entry(Announcement.SOURCE, a.detailType(), detail(orderId, marketplace, a), a.at(), config.busName()));
    }

    /** What sending some entries came to: the calls made, those still refused (in order), and why the last were. */
    private record Sent(int calls, List<Pending> failed, String why) {
    }

    /**
     * Puts the entries, then puts again those EventBridge refused, alone, up to {@code claimdesk.events.entry-attempts}
     * times in all, waiting a little longer each time. A call that fails as a whole (after the SDK's own retries of
     * throttling and server errors) leaves its entries refused.
     */
    private Sent send(List<Pending> entries) {
        List<Pending> left = entries;
        int calls = 0;
        String why = null;
        for (int attempt = 1; attempt <= config.entryAttempts() && !left.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(config.entryRetryDelay().multipliedBy(attempt - 1));
            }
            calls++;
            Bus.Result result;
            try {
                result = bus().put(left.stream().map(Pending::entry).toList());
            } catch (RuntimeException e) {
                // Unreachable, throttled past the SDK's retries, credentials refused: nothing was taken.
                why = e.getClass().getSimpleName();
                LOG.warnf("PutEvents of %d event(s) failed (%s), attempt %d", left.size(), why, attempt);
                continue;
            }
            List<Pending> refused = new ArrayList<>();
            for (int i = 0; i < left.size(); i++) {
                if (result.errorCodes().get(i) != null) {
                    refused.add(left.get(i));
                    why = result.errorCodes().get(i);
                }
            }
            if (!refused.isEmpty()) {
                LOG.warnf("EventBridge refused %d of %d event(s) (%s), attempt %d", refused.size(), left.size(), why, attempt);
            }
            left = refused;
        }
        return new Sent(calls, List.copyOf(left), why);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The EventBridge client, built on first use with DynamoDB's region and credentials. */
    private Bus bus() {
        Bus b = bus;
        if (b == null) {
            synchronized (this) {
                b = bus;
                if (b == null) {
                    b = new Bus(dynamo, config);
                    bus = b;
                }
            }
        }
        return b;
    }

    /**
     * The detail of one announcement: its stable {@code id} (order id and history index), the order, marketplace,
     * event, history index and time, the status before and after (with the close reason), the rules, and the next
     * attention after the change. Codes, dates and rules only: no free text, no buyer data.
     */
    String detail(String orderId, Marketplace marketplace, Announcement a) {
        ObjectNode d = json.createObjectNode();
        d.put("id", Announcement.id(orderId, a.index()));
        d.put("orderId", orderId);
        d.put("marketplace", marketplace.name());
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

    @PreDestroy
    void close() {
        Bus b = bus;
        if (b != null) {
            b.close();
        }
    }
}
