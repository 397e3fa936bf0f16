package io.claimdesk.functions;

import java.time.Instant;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.ClaimDeskConfig;
import io.claimdesk.cases.CaseStore;
import io.claimdesk.policy.ClaimCase;
import io.claimdesk.policy.ClaimPolicy;
import io.claimdesk.policy.Language;
import io.claimdesk.policy.OrderFacts;
import io.claimdesk.policy.Stamp;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * Runs one evaluation end to end without I/O during init: input mapping and checks, the policy, the item
 * mapping and the JSON answer. With SnapStart this work is in the snapshot, so the first real invocation
 * does not pay for class loading and linking. Without SnapStart it would only move that work from the
 * first invocation into init, so by default it runs only when Lambda initialises for a snapshot
 * ({@code claimdesk.prime} decides otherwise). The DynamoDB client is created here too, but no request is sent.
 */
@Singleton
public class Priming {

    private static final Logger LOG = Logger.getLogger(Priming.class);
    /** What Lambda sets {@code AWS_LAMBDA_INITIALIZATION_TYPE} to while it initialises a function for a snapshot. */
    static final String SNAP_START = "snap-start";

    void onStart(@Observes StartupEvent event, ClaimDeskConfig config, Inputs inputs, CaseStore store, ObjectMapper json) {
        if (!config.prime().orElse(SNAP_START.equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE")))) {
            return;
        }
        long started = System.nanoTime();
        ObjectNode sample = JsonNodeFactory.instance.objectNode()
                .put("orderId", "prime-0000000")
                .put("marketplace", "FR")
                .put("fulfilment", "SELLER")
                .put("orderDate", "2026-03-01")
                .put("maxDeliveryDate", "2026-03-10")
                .put("orderTotal", "59.90")
                .put("currency", "EUR");
        sample.putObject("shipment").put("carrier", "prime").put("tracking", true).put("insured", false).put("status", "LOST_IN_TRANSIT");
        OrderFacts facts = ClaimFunctions.toFacts(inputs.read(sample, EvaluateClaimInput.class));
        ClaimCase c = store.roundTripWithoutIo(ClaimCase.open(facts, new Stamp(Instant.now(), "prime")).after());
        try {
            json.writeValueAsBytes(Views.EvaluationView.of(c, ClaimPolicy.evaluate(c, facts.orderDate()), Language.FR));
        } catch (Exception e) {
            LOG.warnf("priming the JSON answer failed (the first invocation will be slower): %s", e.getMessage());
        }
        LOG.debugf("primed in %d ms", (System.nanoTime() - started) / 1_000_000);
    }
}
