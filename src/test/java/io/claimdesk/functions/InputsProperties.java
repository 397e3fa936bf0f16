package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.ClaimEvaluation;
import io.claimdesk.policy.ClaimPolicy;
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
 * wrong JSON types, absurd dates, absent fields. Runs without Quarkus, with Hibernate Validator built directly.
 */
class InputsProperties {

    static final Inputs INPUTS = new Inputs(Validation.buildDefaultValidatorFactory().getValidator());
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
        return mutations(Events.arrival("171-5550123-7654321"), InputPools.arrivalFields());
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
            ClaimCase opened = ClaimCase.open(facts, STAMP).after();
            LocalDate asOf = in.asOf() != null ? in.asOf() : facts.marketplace().dateOf(NOW);
            Language language = in.language() == null ? facts.marketplace().defaultLanguage() : Language.parse("language", in.language());
            ClaimEvaluation evaluation = ClaimPolicy.evaluate(opened, asOf);
            Views.EvaluationView.of(opened, evaluation, language);
            opened.nextAttention();
            opened.attend(asOf, STAMP);
            openCase(facts.marketplace()).withFacts(facts, STAMP);
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
            t.after().refund(request, STAMP); // the same again: a replay
            accepted = true;
        } catch (Refusal r) {
            refusedProperly(r);
        }
        Statistics.collect(accepted ? "accepted" : "refused");
    }

    @Property(tries = 1000)
    void anArrivalInputIsDecidedOrRefusedNeverAnError(@ForAll("arrivals") ObjectNode json, @ForAll boolean refundedFirst) {
        ClaimCase c = openCase(Marketplace.FR);
        if (refundedFirst) {
            c = c.refund(RefundRequest.of("r1", "20.00", "EUR", false, null, LocalDate.parse("2026-03-15")), STAMP).after();
        }
        boolean accepted = false;
        try {
            ArrivalInput in = INPUTS.read(json, ArrivalInput.class);
            c.arrive(in.deliveredOn(), in.source(), STAMP).after().nextAttention();
            accepted = true;
        } catch (Refusal r) {
            refusedProperly(r);
        }
        Statistics.collect(accepted ? "accepted" : "refused");
    }

    @Property(tries = 1000)
    void aScheduledEventStartsASweepOrIsRefusedNeverAnError(@ForAll("schedules") ObjectNode json) {
        boolean accepted = false;
        try {
            Instant time = ClaimFunctions.sweepTime(INPUTS.read(json, ScheduledEvent.class));
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
