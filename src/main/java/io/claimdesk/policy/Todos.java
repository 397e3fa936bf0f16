package io.claimdesk.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a case needs from the seller on a day, and by when: the to-do list. A case needs the seller from the day the
 * buyer's report opens it (R1: answer the buyer) until the seller acts, and again at each later attention: the claim
 * window opens (R6), a claim is filed (R9: answer Amazon by {@code respondBy}), a late arrival is still unsettled a
 * week on (R3, R7), a claim is granted (R10: the seller may appeal), Amazon reports the order cancelled (R1: the
 * seller's own policy decides what that changes). Acting is any of
 * {@link Lifecycle.Event#SELLER_ACTIONS}: a refund, an arrival, a follow-up, the answer to Amazon, or setting the case
 * aside until a day, which hides it until then but never past a hard deadline: a claim to answer is never hidden, and
 * an open case comes back on its claim deadline at the latest.
 * <p>Everything here follows from the case and the day alone, never from whether the scheduled sweep has run.
 */
public final class Todos {

    private Todos() {
    }

    /** What the seller is to do, most pressing first on the same due day. */
    public enum Kind {
        /** R9: Amazon may ask about the filed claim and grants it without an answer in time. */
        ANSWER_CLAIM,
        /** R1: Amazon reported the order cancelled; what follows is the seller's policy to decide. */
        CHECK_CANCELLED_ORDER,
        /** R3, R7: a late arrival's consent or return is still pending a week on. */
        FOLLOW_UP_LATE_ARRIVAL,
        /** R6: the claim window opened, after the case did, and the seller has not acted since. */
        CLAIM_WINDOW_OPENED,
        /** R1: the buyer reported the order not received; the first thing is to answer the buyer. */
        ANSWER_BUYER,
        /** R1: the day the seller set the case aside to has come. */
        SET_ASIDE_ENDED,
        /** R10: a granted claim can still be appealed. */
        APPEAL
    }

    /**
     * One thing to do: listed from {@code listedOn}, due on {@code dueOn} ({@code dueAt} too where the deadline is an
     * instant, R9), and what to do in one sentence citing its rule.
     */
    public record Todo(Kind kind, LocalDate listedOn, LocalDate dueOn, Instant dueAt, Statement says) {
        public Todo {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(listedOn, "listedOn");
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(says, "says");
        }

        /** When it is due: its instant, else the start of its day in the zone. */
        public Instant due(ZoneId zone) {
            return dueAt != null ? dueAt : dueOn.atStartOfDay(zone).toInstant();
        }
    }

    /**
     * The to-dos open on {@code today} (the marketplace's calendar day), most urgent first; empty: nothing for the
     * seller. Read on the case as the sweep leaves it on {@code today}, whether or not the sweep has run yet: a case it
     * closes (claim deadline passed, late arrival expired) needs nothing more, an appeal ends with its last day.
     */
    public static List<Todo> open(ClaimCase stored, LocalDate today) {
        ZoneId zone = stored.facts().marketplace().zone();
        ClaimCase c = stored.attend(today, new Stamp(today.atStartOfDay(zone).toInstant(), "to-do list")).after();
        List<Todo> open = new ArrayList<>();
        for (Todo t : candidates(c)) {
            boolean appealOver = t.kind() == Kind.APPEAL && today.isAfter(t.dueOn());
            if (!t.listedOn().isAfter(today) && !appealOver && !handled(c, t) && !hidden(c, t, today)) {
                open.add(t);
            }
        }
        open.sort(Comparator.comparing((Todo t) -> t.due(zone)).thenComparing(Todo::kind));
        return List.copyOf(open);
    }

    /**
     * The first day the case is on the list if nobody changes it, possibly past; empty when it never is. What the
     * to-do index holds: on any later day the case is read and {@link #open} says what it needs then.
     */
    public static Optional<LocalDate> listedFrom(ClaimCase c) {
        TreeSet<LocalDate> days = new TreeSet<>();
        candidates(c).forEach(t -> days.add(t.listedOn()));
        activeSetAside(c).ifPresent(until -> days.add(until));
        return days.stream().filter(day -> !open(c, day).isEmpty()).findFirst();
    }

    /** Every to-do the case can have, handled or not, shown or not. */
    private static List<Todo> candidates(ClaimCase c) {
        List<Todo> all = new ArrayList<>();
        ZoneId zone = c.facts().marketplace().zone();
        Claim claim = c.claim();
        if (claim != null && claim.awaitsAnswer()) {
            Instant respondBy = claim.respondBy(zone);
            LocalDate day = c.facts().marketplace().dateOf(respondBy);
            all.add(new Todo(Kind.ANSWER_CLAIM, claim.recordedOn(), day, respondBy,
                    Statement.of(Rule.R9, Message.TODO_ANSWER_CLAIM, claim.filedOn(), day, respondBy)));
        }
        LocalDate cancelledOn = c.notices().cancelledOn();
        if (cancelledOn != null) {
            all.add(new Todo(Kind.CHECK_CANCELLED_ORDER, cancelledOn, cancelledOn, null,
                    Statement.of(Rule.R1, Message.TODO_CHECK_CANCELLED_ORDER, cancelledOn)));
        }
        if (claim != null) {
            claim.appealBy().ifPresent(appealBy -> all.add(new Todo(Kind.APPEAL, claim.decidedOn(), appealBy, null,
                    Statement.of(Rule.R10, Message.TODO_APPEAL, claim.decidedOn(), appealBy))));
        }
        if (c.status() == CaseStatus.LATE_ARRIVAL_FLAGGED && c.followUpsPending()) {
            c.deliveryReport().ifPresent(report -> {
                LocalDate on = report.recordedOn().plusDays(Attention.FOLLOW_UP_DAYS);
                boolean consent = c.consentNeeded() && c.followUps().consent() == null;
                all.add(new Todo(Kind.FOLLOW_UP_LATE_ARRIVAL, on, on, null, consent
                        ? Statement.of(Rule.R3, Message.FOLLOW_UP_CONSENT, report.deliveredOn())
                        : Statement.of(Rule.R7, Message.FOLLOW_UP_RETURN, report.deliveredOn())));
            });
        }
        if (c.status() == CaseStatus.OPEN) {
            LocalDate opensOn = c.window().opensOn();
            LocalDate openedOn = openedOn(c);
            // A window that opened before the buyer's report is no news: answering the buyer comes first.
            if (opensOn.isAfter(openedOn)) {
                all.add(new Todo(Kind.CLAIM_WINDOW_OPENED, opensOn, opensOn, null, Statement.of(Rule.R6, Message.WINDOW_OPENED, opensOn)));
            }
            all.add(new Todo(Kind.ANSWER_BUYER, openedOn, openedOn, null, Statement.of(Rule.R1, Message.TODO_ANSWER_BUYER, openedOn)));
        }
        SetAside aside = c.setAside();
        // A closed case set aside is one whose appeal the seller dismissed: nothing brings it back.
        if (aside != null && c.status() != CaseStatus.CLOSED) {
            LocalDate until = effectiveUntil(c, aside);
            all.add(new Todo(Kind.SET_ASIDE_ENDED, until, until, null,
                    Statement.of(Rule.R1, Message.TODO_SET_ASIDE_ENDED, aside.until(), aside.note().name())));
        }
        return all;
    }

    /**
     * Handled by the seller: the claim by the answer to Amazon (never by anything else); an appeal only by setting the
     * case aside after the grant was recorded (a set-aside of the same day, before it, is not); the others by any action on or after the day they were listed from, and a
     * set-aside's end by any action after the set-aside.
     */
    private static boolean handled(ClaimCase c, Todo t) {
        Optional<HistoryEntry> last = lastAction(c);
        ZoneId zone = c.facts().marketplace().zone();
        return switch (t.kind()) {
            case ANSWER_CLAIM -> false;
            case APPEAL -> setAsideSince(c, Lifecycle.Event.CLAIM_GRANTED);
            case SET_ASIDE_ENDED -> last.filter(h -> !h.event().equals(Lifecycle.Event.CASE_SET_ASIDE.name())).isPresent();
            // Told apart by the instant it was recorded: a cancellation reported after the seller acted that day is new.
            case CHECK_CANCELLED_ORDER -> last.flatMap(h -> recorded(c, Lifecycle.Event.ORDER_CANCELLED).map(r -> h.at().isAfter(r.at())))
                    .orElse(false);
            default -> last.map(h -> !h.at().atZone(zone).toLocalDate().isBefore(t.listedOn())).orElse(false);
        };
    }

    /**
     * Hidden by a set-aside still running on {@code today}: everything but what Amazon decides the time of, a claim to
     * answer and a grant to appeal (a set-aside after the grant handles the appeal, {@link #handled}).
     */
    private static boolean hidden(ClaimCase c, Todo t, LocalDate today) {
        return t.kind() != Kind.ANSWER_CLAIM && t.kind() != Kind.APPEAL
                && activeSetAside(c).filter(until -> today.isBefore(until)).isPresent();
    }

    /** The day the case's set-aside ends, when setting it aside is the seller's latest action. */
    private static Optional<LocalDate> activeSetAside(ClaimCase c) {
        SetAside aside = c.setAside();
        if (aside == null) {
            return Optional.empty();
        }
        return lastAction(c).filter(h -> h.event().equals(Lifecycle.Event.CASE_SET_ASIDE.name()))
                .map(h -> effectiveUntil(c, aside));
    }

    /**
     * The set-aside's day, brought forward to an open case's claim deadline: it never hides one past it. Set aside on
     * the deadline itself, the seller has just seen the case: it stays aside.
     */
    private static LocalDate effectiveUntil(ClaimCase c, SetAside aside) {
        LocalDate deadline = c.window().deadline();
        return c.status() == CaseStatus.OPEN && deadline.isBefore(aside.until()) && deadline.isAfter(aside.recordedOn())
                ? deadline : aside.until();
    }

    /** True when the case was set aside after its latest {@code event}. */
    private static boolean setAsideSince(ClaimCase c, Lifecycle.Event event) {
        List<HistoryEntry> history = c.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            String e = history.get(i).event();
            if (e.equals(Lifecycle.Event.CASE_SET_ASIDE.name())) {
                return true;
            }
            if (e.equals(event.name())) {
                return false;
            }
        }
        return false;
    }

    private static Optional<HistoryEntry> lastAction(ClaimCase c) {
        List<HistoryEntry> history = c.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry h = history.get(i);
            if (isAction(h.event())) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** The latest history entry of an event. */
    private static Optional<HistoryEntry> recorded(ClaimCase c, Lifecycle.Event event) {
        List<HistoryEntry> history = c.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).event().equals(event.name())) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean isAction(String event) {
        return Lifecycle.Event.SELLER_ACTIONS.stream().anyMatch(e -> e.name().equals(event));
    }

    /** The day the case was opened in the desk, in its marketplace's calendar. */
    private static LocalDate openedOn(ClaimCase c) {
        return c.history().isEmpty() ? c.facts().orderDate() : c.facts().marketplace().dateOf(c.history().get(0).at());
    }
}
