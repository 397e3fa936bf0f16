package io.claimdesk.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.policy.ArrivalSource;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Money;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.Refund;
import io.claimdesk.policy.RefundAmount;
import io.claimdesk.policy.RefundRequest;
import io.claimdesk.policy.Refusal;
import io.claimdesk.policy.RefusalCode;
import io.claimdesk.policy.Stamp;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The three use cases: read the case, let the policy decide, write conditionally, and on a
 * concurrent change read again and decide again. The policy never sees DynamoDB; the store never decides.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    /** Conditional-write retries before giving up; each retry re-reads, so the decision is made on fresh data. */
    static final int ATTEMPTS = 8;

    /** The last stamp given out in this JVM, in epoch nanoseconds: each call's stamp is distinct. */
    private static final java.util.concurrent.atomic.AtomicLong LAST_STAMP = new java.util.concurrent.atomic.AtomicLong();

    private final CaseStore store;
    private final ClaimDeskConfig config;
    private final Clock clock;

    @jakarta.inject.Inject
    public CaseService(CaseStore store, ClaimDeskConfig config) {
        this(store, config, Clock.systemUTC());
    }

    CaseService(CaseStore store, ClaimDeskConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** Opens the case or updates its facts; writes nothing when the facts are unchanged. */
    public ClaimCase evaluate(OrderFacts facts, String by) {
        facts.check();
        for (int attempt = 1; ; attempt++) {
            Stamp stamp = stamp(by);
            Optional<ClaimCase> current = store.find(facts.orderId());
            ClaimCase.Transition t = current.isPresent()
                    ? current.get().withFacts(facts, stamp)
                    : ClaimCase.open(facts, stamp);
            if (!t.changed()) {
                return t.after();
            }
            try {
                return store.save(t.after());
            } catch (StaleCase e) {
                giveUpAfter(attempt, e);
            }
        }
    }

    public record RefundResult(ClaimCase after, Refund refund, boolean replay) {
    }

    /**
     * R3/R7. A partial refund is one conditional UpdateItem; only when that is refused do we look at the
     * case it returned to tell a replay from a conflict, an excess or a closed case. A "full" refund must
     * first read what is left, then writes it with the same guarded update.
     */
    public RefundResult refund(String orderId, RefundRequest request, String by) {
        for (int attempt = 1; ; attempt++) {
            Stamp stamp = stamp(by);
            Optional<ClaimCase> before = Optional.empty();
            CaseStore.RefundWrite write;
            if (request.amount() instanceof RefundAmount.Partial partial) {
                write = partialWrite(orderId, request, partial, stamp);
            } else {
                before = store.find(orderId);
                ClaimCase current = before.orElseThrow(() -> notFound(orderId));
                ClaimCase.RefundTransition t = current.refund(request, stamp);
                if (t.replay()) {
                    return new RefundResult(current, t.refund(), true);
                }
                write = fullWrite(orderId, request, t.refund(), current, stamp);
            }
            CaseStore.RefundWriteResult result = store.recordRefund(write);
            if (result instanceof CaseStore.RefundWriteResult.Written written) {
                ClaimCase after = written.after();
                return new RefundResult(after, after.ledger().find(request.refundId()).orElseThrow(), false);
            }
            ClaimCase current = ((CaseStore.RefundWriteResult.Refused) result).current()
                    .orElseThrow(() -> notFound(orderId));
            // The policy, run on the case that refused the write, names the reason (or sees a replay).
            ClaimCase.RefundTransition t = current.refund(request, stamp);
            if (t.replay()) {
                // Refused because the refund is there: recorded by an earlier delivery, or by this very call
                // when the SDK retried an update whose answer was lost. Only the former is a replay.
                return new RefundResult(current, t.refund(), !current.changedWith(stamp));
            }
            giveUpAfter(attempt, new StaleCase(orderId));
        }
    }

    private CaseStore.RefundWrite partialWrite(String orderId, RefundRequest request, RefundAmount.Partial partial, Stamp stamp) {
        if (request.currency() == null) {
            throw Refusal.invalid("currency", "give the currency of the amount (the order's currency, e.g. \"EUR\")");
        }
        var currency = Marketplace.currencyNamed("currency", request.currency());
        var amount = Money.of("amount", partial.value(), currency);
        if (!amount.isPositive()) {
            throw Refusal.invalid("amount", "a refund must be above zero, got " + amount.amount().toPlainString());
        }
        return new CaseStore.RefundWrite(orderId, request.refundId(), amount.amount(), request.currency(), false,
                request.reorderRequested(), request.reason(), request.refundedOn(), stamp.at(),
                ClaimCase.refundEntry(request.refundId(), amount, request.reorderRequested(), stamp),
                marketplacesWherePast(request.refundedOn(), stamp.at()), null);
    }

    private CaseStore.RefundWrite fullWrite(String orderId, RefundRequest request, Refund refund, ClaimCase current, Stamp stamp) {
        return new CaseStore.RefundWrite(orderId, request.refundId(), refund.amount().amount(),
                refund.amount().currency().getCurrencyCode(), true, request.reorderRequested(), request.reason(),
                refund.refundedOn(), stamp.at(), ClaimCase.refundEntry(refund.refundId(), refund.amount(), refund.reorderRequested(), stamp),
                marketplacesWherePast(refund.refundedOn(), stamp.at()), current.ledger().remaining().amount());
    }

    /**
     * The marketplaces in which {@code day} is not in the future at {@code now}: the update's condition
     * requires the case's marketplace to be one of them, which checks the date in the case's own zone
     * without reading the case first.
     */
    static List<String> marketplacesWherePast(LocalDate day, Instant now) {
        if (day == null) {
            return List.of();
        }
        List<String> markets = new ArrayList<>();
        for (Marketplace m : Marketplace.values()) {
            if (!day.isAfter(m.dateOf(now))) {
                markets.add(m.name());
            }
        }
        if (markets.isEmpty()) {
            throw Refusal.invalid("refundedOn", "refundedOn " + day + " is in the future in every marketplace");
        }
        return markets;
    }

    public record ArrivalResult(ClaimCase after, io.claimdesk.policy.LateArrival decision, boolean replay) {
    }

    /** R3/R7: records an arrival report; a replay of the same report writes nothing. */
    public ArrivalResult arrive(String orderId, LocalDate deliveredOn, ArrivalSource source, String by) {
        Stamp refused = null;
        for (int attempt = 1; ; attempt++) {
            Stamp stamp = stamp(by);
            ClaimCase current = store.find(orderId).orElseThrow(() -> notFound(orderId));
            ClaimCase.ArrivalTransition t = current.arrive(deliveredOn, source, stamp);
            if (t.replay()) {
                // A write of ours refused as stale may have been our own, applied before its answer was lost.
                boolean ours = refused != null && current.changedWith(refused);
                return new ArrivalResult(current, t.decision(), !ours);
            }
            try {
                return new ArrivalResult(store.save(t.after()), t.decision(), false);
            } catch (StaleCase e) {
                refused = stamp;
                giveUpAfter(attempt, e);
            }
        }
    }

    public record SweepReport(Instant time, int examined, int changed, int closed, boolean complete, List<String> changedOrders) {
    }

    /**
     * The scheduled sweep as of {@code time}: queries each shard of the due index for cases due on or
     * before that day (never a Scan), lets the policy handle each, and stops after the configured number
     * of cases or time; what is left stays due and is picked up by the next run. Each case is written
     * with its own conditional write, so a run cut short, or run twice, never handles a case twice.
     */
    public SweepReport sweep(Instant time, String by) {
        long started = System.nanoTime();
        long budgetNanos = config.sweep().maxDuration().toNanos();
        int maxCases = config.sweep().maxCases();
        // The query bound is the latest calendar day anywhere; each case is then judged in its own zone.
        LocalDate latestDay = java.util.Arrays.stream(Marketplace.values()).map(m -> m.dateOf(time))
                .max(LocalDate::compareTo).orElseThrow();
        int examined = 0;
        int closed = 0;
        List<String> changed = new ArrayList<>();
        boolean complete = true;
        shards:
        for (String shard : CaseTable.allShards()) {
            Map<String, AttributeValue> next = null;
            do {
                if (examined >= maxCases || System.nanoTime() - started > budgetNanos) {
                    complete = false;
                    break shards;
                }
                int limit = Math.min(config.sweep().pageSize(), maxCases - examined);
                CaseStore.DuePage page = store.due(shard, latestDay, limit, next);
                for (ClaimCase c : page.cases()) {
                    examined++;
                    ClaimCase after = attend(c, time, by);
                    if (after != null) {
                        changed.add(c.orderId());
                        if (after.status() == io.claimdesk.policy.CaseStatus.CLOSED) {
                            closed++;
                        }
                    }
                }
                next = page.next();
            } while (next != null);
        }
        LOG.infof("sweep as of %s: examined %d, changed %d, closed %d, complete %s", time, examined, changed.size(), closed, complete);
        return new SweepReport(time, examined, changed.size(), closed, complete, List.copyOf(changed));
    }

    /** Handles one due case; returns the case after the change, or null when nothing was due in its zone. */
    private ClaimCase attend(ClaimCase c, Instant time, String by) {
        ClaimCase current = c;
        Stamp refused = null;
        for (int attempt = 1; ; attempt++) {
            if (refused != null && current.changedWith(refused)) {
                return current; // our write was applied; only its answer was lost
            }
            LocalDate asOf = current.facts().marketplace().dateOf(time);
            Stamp stamp = stamp(by);
            ClaimCase.Transition t = current.attend(asOf, stamp);
            if (!t.changed()) {
                return null;
            }
            try {
                return store.save(t.after());
            } catch (StaleCase e) {
                refused = stamp;
                if (attempt >= ATTEMPTS) {
                    // Leave it due: the next run sees it again.
                    LOG.warnf("case %s kept changing during the sweep; left for the next run", c.orderId());
                    return null;
                }
                Optional<ClaimCase> fresh = store.find(c.orderId());
                if (fresh.isEmpty()) {
                    return null;
                }
                current = fresh.get();
            }
        }
    }

    /**
     * A stamp no other call of this JVM has: the clock's time, moved on by a nanosecond when another call
     * already took it. A case whose history holds our stamp therefore holds our write ({@link ClaimCase#changedWith}).
     */
    private Stamp stamp(String by) {
        Instant now = clock.instant();
        long wanted = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long taken = LAST_STAMP.accumulateAndGet(wanted, (last, next) -> next > last ? next : last + 1);
        return new Stamp(Instant.ofEpochSecond(0, taken), by);
    }

    private static Refusal notFound(String orderId) {
        return new Refusal(RefusalCode.CASE_NOT_FOUND, "orderId", "no case for order " + orderId
                + "; evaluate the claim first (evaluateClaim) to open one");
    }

    private static void giveUpAfter(int attempt, StaleCase e) {
        if (attempt >= ATTEMPTS) {
            throw new StoreUnavailable("the case kept changing under concurrent updates", e);
        }
    }
}
