package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.cases.CaseService;
import io.claimdesk.policy.ArrivalSource;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.ClaimEvaluation;
import io.claimdesk.policy.ClaimPolicy;
import io.claimdesk.policy.FollowUp;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.Marketplace;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.RefundRequest;
import io.claimdesk.policy.Refusal;
import io.claimdesk.policy.Stamp;
import io.claimdesk.testing.Events;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;


/**
 * Whatever JSON arrives, the input layer and the policy behind it either accept it or refuse it with a
 * {@link Refusal} (a documented 4xx) naming the field; never another exception (a 500). Each input is a valid
 * sample event with up to four fields replaced by values from {@link InputPools}: valid ones, malformed ones,
 * wrong JSON types, absurd dates, absent fields. Runs without Quarkus.
 */
class InputsProperties {

    static final Inputs INPUTS = new Inputs();
    static final Instant NOW = Instant.parse("2026-06-20T10:00:00Z");
    static final Stamp STAMP = new Stamp(NOW, "property");

    static Arbitrary<ObjectNode> mutations(ObjectNode base, Map<String, List<String>> fields) {
        List<String> names = new ArrayList<>(fields.keySet());
        Arbitrary<Map.Entry<String, String>> replacement = Arbitraries.of(names)
                .flatMap(field -> Arbitraries.of(fields.get(field)).map(value -> Map.entry(field, value)));
        return replacement.list().ofMaxSize(4).map(list -> InputPools.mutate(base, list));
    }

    @Provide
    Arbitrary<ObjectNode> evaluations() {
        return Arbitraries.of(Events.evaluate("171-5550123-7654321"),
                        Events.evaluate("JP-1").put("marketplace", "JP").put("currency", "JPY").put("orderTotal", "5000"))
                .flatMap(base -> mutations(base, InputPools.evaluateFields()));
    }

    @Provide
    Arbitrary<ObjectNode> refunds() {
        return mutations(Events.refund("171-5550123-7654321"), InputPools.refundFields());
    }

    @Provide
    Arbitrary<ObjectNode> arrivals() {
        // flagLateArrival's two shapes: an arrival report, and a follow-up of a late arrival.
        return Arbitraries.of(Events.arrival("171-5550123-7654321"), Events.recordConsent("171-5550123-7654321"))
                .flatMap(base -> mutations(base, InputPools.arrivalFields()));
    }

    @Provide
    Arbitrary<ObjectNode> schedules() {
        return mutations(Events.sweep(), InputPools.scheduleFields());
    }

    private static void refusedProperly(Refusal r) {
        String message = Answers.refusalMessage(Events.JSON.valueToTree(Views.Refused.of(r)));
        assertThat(message).matches("\\[(400|404|409|422)\\] [A-Z_]+ [A-Za-z.\\[\\]0-9-]+: .+");
    }

    private static ClaimCase openCase(Marketplace marketplace) {
        ObjectNode event = Events.evaluate("171-5550123-7654321");
        if (marketplace == Marketplace.JP) {
            event.put("marketplace", "JP").put("currency", "JPY").put("orderTotal", "5000");
        }
        return ClaimCase.open(ClaimFunctions.toFacts(INPUTS.read(event, EvaluateClaimInput.class)), STAMP).after();
    }

    @Property(tries = 1500)
    void anEvaluationInputIsEvaluatedOrRefusedNeverAnError(@ForAll("evaluations") ObjectNode json) {
        boolean accepted = false;
        try {
            EvaluateClaimInput in = INPUTS.read(json, EvaluateClaimInput.class);
            OrderFacts facts = ClaimFunctions.toFacts(in);
            ClaimCase.ClaimReport claim = ClaimFunctions.toClaim(in.claim());
            // As CaseService.evaluate: open the case (or update its facts), then record what is said of a claim.
            ClaimCase opened = ClaimCase.open(facts, STAMP).after();
            if (claim != null) {
                opened = opened.claim(claim, STAMP).after();
            }
            LocalDate asOf = in.asOf() != null ? in.asOf() : facts.marketplace().dateOf(NOW);
            Language language = in.language() == null ? facts.marketplace().defaultLanguage() : in.language();
            ClaimEvaluation evaluation = ClaimPolicy.evaluate(opened, asOf);
            Views.EvaluationView.of(opened, evaluation, language);
            opened.nextAttention();
            opened.attend(asOf, STAMP);
            ClaimCase updated = openCase(facts.marketplace()).withFacts(facts, STAMP).after();
            if (claim != null) {
                updated.claim(claim, STAMP).after().claim(claim, STAMP); // the same report again changes nothing
            }
            accepted = true;
        } catch (Refusal r) {
            refusedProperly(r);
        }
        Statistics.collect(accepted ? "accepted" : "refused");
    }

    @Property(tries = 1500)
    void aRefundInputIsDecidedOrRefusedNeverAnError(@ForAll("refunds") ObjectNode json, @ForAll boolean japanese) {
        ClaimCase c = openCase(japanese ? Marketplace.JP : Marketplace.FR);
        boolean accepted = false;
        try {
            RecordRefundInput in = INPUTS.read(json, RecordRefundInput.class);
            RefundRequest request = RefundRequest.of(in.refundId(), in.amount(), in.currency(),
                    Boolean.TRUE.equals(in.reorderRequested()), in.reason(), in.refundedOn());
            ClaimCase.RefundTransition t = c.refund(request, STAMP);
            ClaimCase.RefundTransition again = t.after().refund(request, STAMP); // the same again: a replay
            assertThat(again.replay()).isTrue();
            Views.RefundResultView.of(new CaseService.RefundResult(t.after(), t.refund(), false), Language.EN);
            accepted = true;
        } catch (Refusal r) {
            refusedProperly(r);
        }
        Statistics.collect(accepted ? "accepted" : "refused");
    }

    /** Where the case stands when the arrival or follow-up comes: nothing yet, refunded, or flagged as a late arrival. */
    enum Before { NOTHING, REFUNDED, REFUNDED_WITH_REORDER, LATE_ARRIVAL }

    private static ClaimCase caseThatIs(Before before) {
        ClaimCase c = openCase(Marketplace.FR);
        if (before != Before.NOTHING) {
            c = c.refund(RefundRequest.of("r1", "20.00", "EUR", before == Before.REFUNDED_WITH_REORDER, null,
                    LocalDate.parse("2026-03-15")), STAMP).after();
        }
        if (before == Before.LATE_ARRIVAL) {
            c = c.arrive(LocalDate.parse("2026-03-20"), ArrivalSource.CARRIER, STAMP).after();
        }
        return c;
    }

    /**
     * flagLateArrival with an arrival report or a follow-up, as ClaimFunctions.flagLateArrival decides which it is
     * and refuses what is neither, before anything reaches the policy: exactly one of (deliveredOn and source) or
     * followUp, and replacementOrderId only with REPLACEMENT_ORDERED.
     */
    @Property(tries = 1000)
    void anArrivalInputIsDecidedOrRefusedNeverAnError(@ForAll("arrivals") ObjectNode json, @ForAll Before before) {
        ClaimCase c = caseThatIs(before);
        boolean accepted = false;
        String shape = "refused";
        try {
            ArrivalInput in = INPUTS.read(json, ArrivalInput.class);
            if (in.followUp() != null) {
                if (in.deliveredOn() != null || in.source() != null) {
                    throw Refusal.invalid("followUp", "either an arrival or a followUp");
                }
                if (in.replacementOrderId() != null && in.followUp() != FollowUp.REPLACEMENT_ORDERED) {
                    throw Refusal.invalid("replacementOrderId", "with REPLACEMENT_ORDERED only");
                }
                ClaimCase after = c.followUp(in.followUp(), in.replacementOrderId(), STAMP).after();
                after.followUp(in.followUp(), in.replacementOrderId(), STAMP); // the same again
                after.nextAttention();
                Views.FollowUpView.of(in.followUp(), new CaseService.FollowUpResult(after, false), Language.FR);
                shape = "follow-up";
            } else {
                if (in.deliveredOn() == null) {
                    throw Refusal.invalid("deliveredOn", "give deliveredOn and source, or a followUp");
                }
                if (in.source() == null) {
                    throw Refusal.invalid("source", "say who reports the arrival");
                }
                if (in.replacementOrderId() != null) {
                    throw Refusal.invalid("replacementOrderId", "with REPLACEMENT_ORDERED only");
                }
                ClaimCase.ArrivalTransition t = c.arrive(in.deliveredOn(), in.source(), STAMP);
                t.after().nextAttention();
                t.after().arrive(in.deliveredOn(), in.source(), STAMP); // the same report again
                Views.ArrivalDecisionView.of(new CaseService.ArrivalResult(t.after(), t.decision(), false), Language.EN);
                shape = "arrival";
            }
            accepted = true;
        } catch (Refusal r) {
            refusedProperly(r);
        }
        Statistics.collect(accepted ? "accepted " + shape : "refused");
    }

    @Property(tries = 1000)
    void aScheduledEventStartsASweepOrIsRefusedNeverAnError(@ForAll("schedules") ObjectNode json) {
        boolean accepted = false;
        try {
            Instant time = INPUTS.read(json, ScheduledEvent.class).time();
            for (Marketplace m : Marketplace.values()) {
                openCase(m == Marketplace.JP ? m : Marketplace.FR).attend(m.dateOf(time), STAMP);
            }
            accepted = true;
        } catch (Refusal r) {
            refusedProperly(r);
        }
        Statistics.collect(accepted ? "accepted" : "refused");
    }
}
