package io.claimdesk.functions;

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
import io.claimdesk.policy.Wording;

/** What caseDesk answers: one case with its timeline, or a page of the cases that need the seller. */
public final class DeskViews {

    private DeskViews() {
    }

    /**
     * {@code caseView}, {@code evaluation} and {@code timeline} for one case; {@code cases} and {@code next} for the
     * attention list.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeskView(Views.CaseView caseView, Views.EvaluationView evaluation, List<TimelineView> timeline,
                           LocalDate attention, List<DueCaseView> cases, String next) {

        /**
         * One case, and where the buyer stands on {@code asOf} as evaluateClaim would say it (phase, ranked options
         * with their consequences and drafts, explanation), computed from the stored case alone: nothing is written
         * and the caller resends no facts. The evaluation leaves out the case view, given beside it.
         */
        static DeskView of(ClaimCase c, Language language, LocalDate asOf) {
            return new DeskView(Views.CaseView.of(c, language),
                    Views.EvaluationView.of(c, ClaimPolicy.evaluate(c, asOf), language).withoutCase(),
                    Timeline.of(c).stream().map(TimelineView::of).toList(), null, null, null);
        }

        static DeskView of(CaseDesk.Page page, LocalDate attention, Language language) {
            return new DeskView(null, null, null, attention, page.cases().stream().map(d -> DueCaseView.of(d, language)).toList(),
                    page.next());
        }
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
     * A case that needs the seller: its next attention ({@code attention}, due {@code dueOn}), and what to do, one
     * sentence with its rule beside it ({@code todo}), in the case's language unless the caller chose one, on the
     * case's marketplace's formats.
     */
    public record DueCaseView(String orderId, String marketplace, String status, LocalDate dueOn, String attention,
                              Views.SentenceView todo, List<Rule> rules) {
        static DueCaseView of(CaseDesk.DueCase d, Language requested) {
            ClaimCase c = d.c();
            Marketplace marketplace = c.facts().marketplace();
            Language language = requested != null ? requested : marketplace.defaultLanguage();
            Statement says = c.nextAttentionSays().orElse(null);
            return new DueCaseView(c.orderId(), marketplace.name(), c.status().name(), d.attention().on(),
                    d.attention().kind().name(), says == null ? null : Views.SentenceView.of(says, Wording.of(language, marketplace)),
                    says == null ? List.of() : List.of(says.rule()));
        }
    }
}
