package io.claimdesk.functions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.claimdesk.cases.CaseDesk;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.ClaimPolicy;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.Rule;
import io.claimdesk.policy.Statement;
import io.claimdesk.policy.Timeline;
import io.claimdesk.policy.Todos;
import io.claimdesk.policy.Wording;

/** What caseDesk answers: one case with its timeline, or a page of the cases that need the seller. */
public final class DeskViews {

    private DeskViews() {
    }

    /**
     * {@code caseView}, {@code evaluation}, {@code timeline} and {@code todos} (what it needs from the seller today, most
     * urgent first) for one case; {@code cases} and {@code next} for the to-do list.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeskView(Views.CaseView caseView, Views.EvaluationView evaluation, List<TimelineView> timeline,
                           List<TodoView> todos, LocalDate attention, List<DueCaseView> cases, String next) {

        /**
         * One case, and where the buyer stands today in the marketplace's zone as evaluateClaim would say it (phase,
         * ranked options with their consequences and drafts, explanation), computed from the stored case alone: nothing
         * is written and the caller resends no facts. The evaluation leaves out the case view, given beside it.
         */
        static DeskView of(ClaimCase c, Language language, Instant now) {
            Wording wording = Wording.of(language, c.facts().marketplace());
            LocalDate today = c.facts().marketplace().dateOf(now);
            return new DeskView(Views.CaseView.of(c, language),
                    Views.EvaluationView.of(c, ClaimPolicy.evaluate(c, today), language).withoutCase(),
                    Timeline.of(c).stream().map(TimelineView::of).toList(),
                    Todos.open(c, today).stream().map(t -> TodoView.of(t, wording, now)).toList(),
                    null, null, null);
        }

        static DeskView of(CaseDesk.Page page, LocalDate attention, Language language, Instant now) {
            return new DeskView(null, null, null, null, attention,
                    page.cases().stream().map(d -> DueCaseView.of(d, language, now)).toList(), page.next());
        }
    }

    /** One thing to do: its kind, by when ({@code dueAt} and {@code hoursLeft} where the deadline is an instant), and what. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TodoView(String kind, LocalDate dueOn, Instant dueAt, Long hoursLeft, Views.SentenceView todo) {
        static TodoView of(Todos.Todo t, Wording wording, Instant now) {
            return new TodoView(t.kind().name(), t.dueOn(), t.dueAt(), hoursLeftOf(t, now), Views.SentenceView.of(t.says(), wording));
        }
    }

    /** Whole hours left before an instant deadline, rounded down (never more time than remains; negative once passed). */
    static Long hoursLeftOf(Todos.Todo t, Instant now) {
        return t.dueAt() == null ? null : Math.floorDiv(Duration.between(now, t.dueAt()).getSeconds(), 3600L);
    }

    /** One date of the case: {@code what} is a {@link Timeline.Kind}; refunds, arrivals and claims say which. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineView(LocalDate on, String what, List<Rule> rules, String refundId, String amount, String source,
                               String reference) {
        static TimelineView of(Timeline.Entry e) {
            return new TimelineView(e.on(), e.kind().name(), e.rules(), e.refundId(),
                    e.amount() == null ? null : e.amount().amount().toPlainString(),
                    e.source() == null ? null : e.source().name(), e.reference());
        }
    }

    /**
     * A case that needs the seller: what it needs most urgently ({@code attention}, one of {@link Todos.Kind}), by when
     * ({@code dueOn}; {@code dueAt} and {@code hoursLeft} too where the deadline is an instant, hours rounded down, so
     * never more time than remains, negative once it has passed), and what to do in one sentence with its rule beside it
     * ({@code todo}), in the case's language unless the caller chose one, on the case's marketplace's formats.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DueCaseView(String orderId, String marketplace, String status, LocalDate dueOn, Instant dueAt,
                              Long hoursLeft, String attention, Views.SentenceView todo, List<Rule> rules) {
        static DueCaseView of(CaseDesk.DueCase d, Language requested, Instant now) {
            ClaimCase c = d.c();
            Marketplace marketplace = c.facts().marketplace();
            Language language = requested != null ? requested : marketplace.defaultLanguage();
            Todos.Todo todo = d.todo();
            return new DueCaseView(c.orderId(), marketplace.name(), c.status().name(), todo.dueOn(), todo.dueAt(), hoursLeftOf(todo, now),
                    todo.kind().name(), Views.SentenceView.of(todo.says(), Wording.of(language, marketplace)),
                    List.of(todo.says().rule()));
        }
    }
}
