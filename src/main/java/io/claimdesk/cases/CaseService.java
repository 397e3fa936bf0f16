package io.claimdesk.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.policy.ArrivalDecision;
import io.claimdesk.policy.ArrivalSource;
import io.claimdesk.policy.CaseStatus;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.FollowUp;
import io.claimdesk.policy.HistoryEntry;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.OrderChange;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.Refund;
import io.claimdesk.policy.RefundRequest;
import io.claimdesk.policy.Refusal;
import io.claimdesk.policy.RefusalCode;
import io.claimdesk.policy.Stamp;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The use cases, all the same way: read the case, let the policy decide, save it at the version read, and on
 * a concurrent change read again and decide again ({@link #change}). The policy never sees DynamoDB; the store
 * never decides. What a change announces is published from the table's stream ({@link CaseEvents}), not here: a
 * change is one read and one write.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    /** Attempts before giving up on a case that keeps changing; each one reads again, so it decides on fresh data. */
    static final int ATTEMPTS = 10;

    /** The last stamp given out in this JVM, in epoch nanoseconds: each call's stamp is distinct. */
    private static final AtomicLong LAST_STAMP = new AtomicLong();

    private final CaseStore store;
    private final ClaimDeskConfig config;
    private final Clock clock;

    @Inject
    public CaseService(CaseStore store, ClaimDeskConfig config) {
        this(store, config, Clock.systemUTC());
    }

    CaseService(CaseStore store, ClaimDeskConfig config, Clock clock) {
        if (config.claimResponseHours() < 1 || config.claimResponseHours() > 168) {
            throw new IllegalArgumentException("claimdesk.claim-response-hours must be 1 to 168, not " + config.claimResponseHours());
        }
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** One attempt's decision: the case to save (null: nothing to write) and the answer, given the case after it. */
    private record Decision<R>(ClaimCase toSave, BiFunction<ClaimCase, Boolean, R> answer) {
    }

    /**
     * Reads the case, decides, saves at the version read; on a concurrent change, reads and decides again. The
     * answer is told whether this call's change is in the case: written now, or written by an earlier attempt
     * whose answer was lost (its stamp is in the history) although this attempt found nothing left to write.
     *
     * @param firstRead the case as already read (the sweep's page), or null to read it
     */
    private <R> R change(String orderId, String by, ClaimCase firstRead,
                         BiFunction<Optional<ClaimCase>, Stamp, Decision<R>> decide) {
        Stamp refused = null;
        Optional<ClaimCase> current = Optional.ofNullable(firstRead);
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 || firstRead == null) {
                current = store.find(orderId);
            }
            Stamp stamp = stamp(by);
            Decision<R> decision = decide.apply(current, stamp);
            if (decision.toSave() == null) {
                Stamp earlier = refused;
                boolean ours = earlier != null && current.map(c -> c.changedWith(earlier)).orElse(false);
                return decision.answer().apply(current.orElse(null), ours);
            }
            ClaimCase saved;
            try {
                saved = store.save(decision.toSave());
            } catch (StaleCase e) {
                refused = stamp;
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                backOff(attempt);
                continue;
            }
            return decision.answer().apply(saved, true);
        }
    }

    /** Opens the case or updates its facts, then records what the caller says of a claim; writes nothing when nothing changed. */
    public ClaimCase evaluate(OrderFacts facts, ClaimCase.ClaimReport claim, String by) {
        int responseHours = responseHours();
        return orUnavailable(() -> change(facts.orderId(), by, null, (current, stamp) -> {
            ClaimCase.Transition t = current.isPresent() ? current.get().withFacts(facts, stamp) : ClaimCase.open(facts, stamp);
            List<HistoryEntry> entries = new ArrayList<>(t.entries());
            ClaimCase after = t.after();
            if (claim != null) {
                ClaimCase.Transition c = after.claim(claim, stamp, responseHours);
                entries.addAll(c.entries());
                after = c.after();
            }
            return new Decision<>(entries.isEmpty() ? null : after, (saved, written) -> saved);
        }));
    }

    public record RefundResult(ClaimCase after, Refund refund, boolean replay) {
    }

    /** R3/R7: records a refund exactly once by its id, in two calls at most (read, then save at that version). */
    public RefundResult refund(String orderId, RefundRequest request, String by) {
        return orUnavailable(() -> change(orderId, by, null, (current, stamp) -> {
            ClaimCase c = current.orElseThrow(() -> notFound(orderId));
            ClaimCase.RefundTransition t = c.refund(request, stamp);
            return new Decision<>(t.replay() ? null : t.after(), (saved, ours) -> new RefundResult(saved, t.refund(), !ours));
        }));
    }

    public record ArrivalResult(ClaimCase after, ArrivalDecision decision, boolean replay) {
    }

    /** R3/R7: records an arrival report; a replay of the same report writes nothing. */
    public ArrivalResult arrive(String orderId, LocalDate deliveredOn, ArrivalSource source, String by) {
        return orUnavailable(() -> change(orderId, by, null, (current, stamp) -> {
            ClaimCase c = current.orElseThrow(() -> notFound(orderId));
            ClaimCase.ArrivalTransition t = c.arrive(deliveredOn, source, stamp);
            return new Decision<>(t.replay() ? null : t.after(), (saved, ours) -> new ArrivalResult(saved, t.decision(), !ours));
        }));
    }

    public record FollowUpResult(ClaimCase after, boolean replay) {
    }

    /** A change to a case, the history entries this call added (none on a replay), and whether it was a replay. */
    public record ChangeResult(ClaimCase after, List<HistoryEntry> added, boolean replay) {
    }

    /** R6, R9: the claim's filing, the seller's answer to Amazon, its outcome, on an existing case. */
    public ChangeResult recordClaim(String orderId, ClaimCase.ClaimUpdate update, String by) {
        int responseHours = responseHours();
        return orUnavailable(() -> change(orderId, by, null, (current, stamp) -> {
            ClaimCase c = current.orElseThrow(() -> notFound(orderId));
            ClaimCase.Transition t = c.recordClaim(update, stamp, responseHours);
            return new Decision<>(t.changed() ? t.after() : null, (saved, ours) -> new ChangeResult(saved, t.entries(), !ours));
        }));
    }

    /** The seller sets a case aside until a day, with a note. */
    public ChangeResult setAside(String orderId, LocalDate until, io.claimdesk.policy.SetAside.Note note, String by) {
        return orUnavailable(() -> change(orderId, by, null, (current, stamp) -> {
            ClaimCase c = current.orElseThrow(() -> notFound(orderId));
            ClaimCase.Transition t = c.setAside(until, note, stamp);
            return new Decision<>(t.changed() ? t.after() : null, (saved, ours) -> new ChangeResult(saved, t.entries(), !ours));
        }));
    }

    private int responseHours() {
        return config.claimResponseHours();
    }

    /** R3/R7: records the buyer's consent, the return or the replacement order; a replay writes nothing. */
    public FollowUpResult followUp(String orderId, FollowUp kind, String replacementOrderId, String by) {
        return orUnavailable(() -> change(orderId, by, null, (current, stamp) -> {
            ClaimCase c = current.orElseThrow(() -> notFound(orderId));
            ClaimCase.Transition t = c.followUp(kind, replacementOrderId, stamp);
            return new Decision<>(t.changed() ? t.after() : null, (saved, ours) -> new FollowUpResult(saved, !ours));
        }));
    }

    /** What an SP-API notification did to one case: none there, nothing changed (older, the same, or nothing to apply), or applied. */
    public enum Outcome { NO_CASE, UNCHANGED, APPLIED }

    /** One case a notification was for, what it did, and the history entries it added. */
    public record NoticeResult(String orderId, Outcome outcome, List<HistoryEntry> added) {
    }

    /**
     * An SP-API order change for the case of {@code orderId}, applied by the policy ({@link ClaimCase#orderChanged}); an
     * order without a case is {@link Outcome#NO_CASE}. A change that only moves what the case remembers of Amazon's
     * notifications is written too, so that an older one delivered later is recognised.
     */
    public NoticeResult orderChanged(String orderId, OrderChange change, String by) {
        return orUnavailable(() -> change(orderId, by, null, (current, stamp) -> {
            if (current.isEmpty()) {
                return new Decision<>(null, (saved, ours) -> new NoticeResult(orderId, Outcome.NO_CASE, List.of()));
            }
            ClaimCase.Transition t = current.get().orderChanged(change, stamp);
            return notice(orderId, current.get(), t);
        }));
    }

    /**
     * A delivery Amazon's tracking reported for the shipment with {@code trackingId}: a carrier's delivery report for
     * each case whose shipment carries it, found through the tracking index ({@link CaseStore#trackedBy}); none: an
     * empty list.
     */
    public List<NoticeResult> delivered(String trackingId, Instant occurredAt, String by) {
        return orUnavailable(() -> store.trackedBy(trackingId).stream().map(orderId -> change(orderId, by, null, (current, stamp) -> {
            if (current.isEmpty()) {
                return new Decision<>(null, (saved, ours) -> new NoticeResult(orderId, Outcome.NO_CASE, List.<HistoryEntry>of()));
            }
            ClaimCase.Transition t = current.get().trackingMilestone(occurredAt, true, stamp);
            return notice(orderId, current.get(), t);
        })).toList());
    }

    /** Writes what a notification changed, even when it added no history entry (the notices it remembers moved). */
    private static Decision<NoticeResult> notice(String orderId, ClaimCase read, ClaimCase.Transition t) {
        boolean differs = !t.after().equals(read);
        return new Decision<>(differs ? t.after() : null,
                (saved, ours) -> new NoticeResult(orderId, differs || ours ? Outcome.APPLIED : Outcome.UNCHANGED, t.entries()));
    }

    public record SweepReport(Instant time, int examined, int changed, int closed, boolean complete, List<String> changedOrders) {
    }

    /**
     * The scheduled sweep as of {@code time}: queries each shard of the due index for cases due on or
     * before that day (never a Scan), lets the policy handle each, and stops after the configured number
     * of cases or time; what is left stays due and is picked up by the next run. Each case is written
     * with its own conditional write, so a run cut short, or run twice, never handles a case twice.
     * <p>Then it adopts cases stored before the to-do list: one Query per shard of {@link CaseTable#LEGACY_DUE_SHARDS}
     * whatever their day, earliest first, each case handled as any due case and written back under today's index
     * attributes, which takes it out of those shards. No migration step: they empty themselves, a page per shard per
     * run, and once empty they cost one Query each that finds nothing.
     */
    public SweepReport sweep(Instant time, String by) {
        long started = System.nanoTime();
        long budgetNanos = config.sweep().maxDuration().toNanos();
        int maxCases = config.sweep().maxCases();
        // The query bound is the latest calendar day anywhere; each case is then judged in its own zone.
        LocalDate latestDay = Arrays.stream(Marketplace.values()).map(m -> m.dateOf(time))
                .max(LocalDate::compareTo).orElseThrow();
        int examined = 0;
        int closed = 0;
        int adopted = 0;
        List<String> changed = new ArrayList<>();
        boolean complete = true;
        List<String> shards = new ArrayList<>(CaseTable.allShards());
        shards.addAll(CaseTable.LEGACY_DUE_SHARDS);
        shards:
        for (String shard : shards) {
            boolean legacy = CaseTable.LEGACY_DUE_SHARDS.contains(shard);
            Map<String, AttributeValue> next = null;
            do {
                if (examined >= maxCases || System.nanoTime() - started > budgetNanos) {
                    complete = false;
                    break shards;
                }
                int limit = Math.min(config.sweep().pageSize(), maxCases - examined);
                CaseStore.DuePage page = store.due(shard, legacy ? CaseStore.LAST_DAY : latestDay, limit, next);
                for (ClaimCase c : page.cases()) {
                    examined++;
                    ClaimCase after = attend(c, time, by, legacy);
                    if (after != null && after.history().size() > c.history().size()) {
                        changed.add(c.orderId());
                        if (after.status() == CaseStatus.CLOSED) {
                            closed++;
                        }
                    }
                    if (legacy && after != null) {
                        adopted++;
                    }
                }
                next = page.next();
            } while (next != null);
        }
        LOG.infof("sweep as of %s: examined %d, changed %d, closed %d, adopted %d case(s) stored before the to-do list, complete %s",
                time, examined, changed.size(), closed, adopted, complete);
        return new SweepReport(time, examined, changed.size(), closed, complete, List.copyOf(changed));
    }

    /**
     * Handles one due case; returns the case after this run's write, or null when it wrote nothing. A case stored before
     * the to-do list is written even when nothing is due, to move it under today's index attributes.
     */
    private ClaimCase attend(ClaimCase c, Instant time, String by, boolean adopt) {
        try {
            return change(c.orderId(), by, c, (current, stamp) -> {
                if (current.isEmpty()) {
                    return new Decision<>(null, (saved, ours) -> null);
                }
                ClaimCase.Transition t = current.get().attend(current.get().facts().marketplace().dateOf(time), stamp);
                ClaimCase toSave = t.changed() ? t.after() : adopt && current.get().version() == c.version() ? current.get() : null;
                return new Decision<>(toSave, (saved, ours) -> ours ? saved : null);
            });
        } catch (StaleCase e) {
            // Leave it due: the next run sees it again.
            LOG.warnf("case %s kept changing during the sweep; left for the next run", c.orderId());
            return null;
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

    /**
     * Waits a random while before the next attempt, longer after each one (at most 50 ms), so that writers racing
     * on one case do not keep colliding in step.
     */
    private static void backOff(int attempt) {
        long bound = Math.min(50, 2L << attempt);
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while retrying a concurrent update", e);
        }
    }

    private static <R> R orUnavailable(java.util.function.Supplier<R> body) {
        try {
            return body.get();
        } catch (StaleCase e) {
            throw new StoreUnavailable("the case kept changing under concurrent updates", e);
        }
    }
}
