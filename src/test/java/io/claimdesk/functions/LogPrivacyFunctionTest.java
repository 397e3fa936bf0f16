package io.claimdesk.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimdesk.testing.Events;
import io.claimdesk.testing.FunctionProfile;
import io.claimdesk.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the functions log. Buyer-written free text (a refund's reason, extra fields, text typed into the
 * wrong field) never reaches a log line, whether the call succeeds or is refused, through Funqy's Lambda
 * path (flagLateArrival, exported) or as Java; and every line the functions log while handling an order
 * carries the function and the order id in its MDC.
 */
@QuarkusTest
@TestProfile(FunctionProfile.FlagLateArrival.class)
class LogPrivacyFunctionTest {

    /** Personal data as a buyer or a seller's agent might write it into any field. */
    static final String PERSONAL = "Jeanne Dupont 12 rue de la Paix 75002 Paris 0612345678 jeanne.dupont@example.org";
    /** Pieces that must not appear on their own either. */
    static final List<String> PIECES = List.of("Jeanne", "Dupont", "rue de la Paix", "0612345678", "jeanne.dupont@example.org");

    @Inject
    ClaimFunctions functions;

    LogCapture logs;

    @BeforeEach
    void capture() {
        logs = LogCapture.start();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    private static void ignoreRefusal(Supplier<?> call) {
        Throwable t = catchThrowable(() -> Answers.json(call.get()));
        assertThat(t).as("only documented refusals").satisfiesAnyOf(
                e -> assertThat(e).isNull(),
                e -> assertThat(e).isInstanceOf(FunctionError.class));
    }

    private void assertNoPersonalData() {
        assertThat(logs.lines()).as("log lines captured").isNotEmpty();
        assertThat(logs.lines()).allSatisfy(line -> {
            for (String piece : PIECES) {
                assertThat(line.text()).as("%s line of %s", line.level(), line.logger()).doesNotContain(piece);
            }
        });
    }

    @Test
    void buyerFreeTextNeverReachesTheLogs() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        ObjectNode refund = Events.refund(orderId).put("reason", PERSONAL);
        ignoreRefusal(() -> functions.recordRefund(refund.deepCopy()));                        // recorded
        ignoreRefusal(() -> functions.recordRefund(refund.deepCopy()));                        // replay
        ignoreRefusal(() -> functions.recordRefund(refund.deepCopy().put("reason", PERSONAL + "!"))); // conflict
        ignoreRefusal(() -> functions.recordRefund(Events.refund(orderId).put("refundId", "r2").put("reason", PERSONAL.repeat(7)))); // too long
        ignoreRefusal(() -> functions.recordRefund(Events.refund(orderId).put("refundId", "r3").put("amount", PERSONAL)));
        ignoreRefusal(() -> functions.recordRefund(Events.refund(orderId).put("refundId", "r4").put("buyerName", PERSONAL)));
        ignoreRefusal(() -> functions.recordRefund(Events.refund(orderId).put("refundId", "r5").put("refundedOn", PERSONAL)));
        ignoreRefusal(() -> functions.evaluateClaim(Events.evaluate(orderId).put("fulfilment", PERSONAL)));
        ignoreRefusal(() -> functions.evaluateClaim(Events.evaluate(orderId).put("marketplace", PERSONAL)));
        ignoreRefusal(() -> functions.evaluateClaim(Events.evaluate(orderId).put("orderTotal", PERSONAL)));
        ignoreRefusal(() -> functions.evaluateClaim(Events.evaluate(Events.newOrderId()).put(PERSONAL, "x")));
        ObjectNode carrier = Events.evaluate(orderId);
        ((ObjectNode) carrier.path("shipment")).put("carrier", PERSONAL);
        ignoreRefusal(() -> functions.evaluateClaim(carrier));
        ignoreRefusal(() -> functions.evaluateClaim(Events.evaluate(PERSONAL)));
        ObjectNode claimReference = Events.fileClaim(orderId);
        ((ObjectNode) claimReference.path("claim")).put("reference", PERSONAL);
        ignoreRefusal(() -> functions.evaluateClaim(claimReference));
        ObjectNode claimNote = Events.fileClaim(orderId);
        ((ObjectNode) claimNote.path("claim")).put("note", PERSONAL);
        ignoreRefusal(() -> functions.evaluateClaim(claimNote));
        ObjectNode claimOutcome = Events.fileClaim(orderId);
        ((ObjectNode) claimOutcome.path("claim")).put("outcome", PERSONAL);
        ignoreRefusal(() -> functions.evaluateClaim(claimOutcome));
        ignoreRefusal(() -> functions.evaluateClaim(Events.fileClaim(orderId)));                   // a claim recorded
        // Through Funqy and the Lambda mock event server, whose poll loop logs each failed invocation's error.
        Lambda.invoke(Events.arrival(orderId).put("source", PERSONAL));
        Lambda.invoke(Events.arrival(orderId).put("deliveredOn", PERSONAL));
        Lambda.invoke(Events.arrival(orderId).put("note", PERSONAL));
        Lambda.invoke(Events.arrival(orderId).put(PERSONAL, "x"));
        Lambda.invoke(Events.arrival(orderId).put("orderId", PERSONAL));
        Lambda.invoke(Events.sweep().put("detail-type", PERSONAL));
        Lambda.invoke(Events.recordConsent(orderId).put("followUp", PERSONAL));
        Lambda.invoke(Events.recordConsent(orderId).put("followUp", "REPLACEMENT_ORDERED").put("replacementOrderId", PERSONAL));
        Lambda.invoke(Events.recordConsent(orderId).put("replacementOrderId", PERSONAL));
        Lambda.invoke(Events.recordConsent(orderId).put("comment", PERSONAL));
        Lambda.ok(Events.arrival(orderId));
        Lambda.ok(Events.recordConsent(orderId));

        assertNoPersonalData();
    }

    /**
     * A body that is not JSON never reaches our code: it is answered before (UnreadableInput), quoting nothing of the
     * body, and with no cause whose message could (Jackson's parse error quotes the token it stopped at).
     */
    @Test
    void aBodyThatIsNotJsonIsAnsweredWithoutQuotingIt() {
        String answer = Lambda.error("{\"orderId\": \"o-1\", \"source\": " + PERSONAL + "}");
        assertThat(answer).isEqualTo("Could not deserialize the provided message.");
        assertThat(logs.lines()).filteredOn(l -> l.logger().startsWith("io.claimdesk")).isEmpty();
    }

    @Test
    void everyLineAboutAnOrderNamesTheFunctionAndTheOrder() {
        String orderId = Events.newOrderId();
        Fixtures.openCase(functions, orderId);
        Fixtures.refund(functions, orderId, "r1", "20.00", false);
        ignoreRefusal(() -> functions.recordRefund(Events.refund(orderId).put("refundId", "r1").put("amount", "30.00")));
        ignoreRefusal(() -> functions.recordRefund(Events.refund(orderId).put("refundId", "r2").put("currency", "eur")));
        ignoreRefusal(() -> functions.evaluateClaim(Events.evaluate(orderId).put("orderTotal", "59.905")));
        ignoreRefusal(() -> functions.evaluateClaim(Events.evaluate(orderId).put("language", "pt")));
        Lambda.ok(Events.arrival(orderId));
        Lambda.ok(Events.arrival(orderId));
        Lambda.invoke(Events.arrival(orderId).put("source", "COURIER"));
        Lambda.invoke(Events.arrival(orderId).put("deliveredOn", "2026-03-21"));
        ignoreRefusal(() -> functions.evaluateClaim(Events.fileClaim(orderId)));
        Lambda.ok(Events.recordConsent(orderId));
        Lambda.invoke(Events.recordConsent(orderId).put("followUp", "RETURN_RECEIVED"));
        Lambda.invoke(Events.recordConsent(orderId).put("deliveredOn", "2026-03-21"));

        List<LogCapture.Line> ours = logs.lines().stream().filter(l -> l.logger().startsWith("io.claimdesk")).toList();
        assertThat(ours).hasSizeGreaterThanOrEqualTo(14);
        assertThat(ours).allSatisfy(line -> {
            assertThat(line.function()).as(line.text()).isIn("evaluateClaim", "recordRefund", "flagLateArrival");
            assertThat(line.orderId()).as(line.text()).isEqualTo(orderId);
        });
        assertThat(ours).extracting(LogCapture.Line::function).contains("evaluateClaim", "recordRefund", "flagLateArrival");
    }

    @Test
    void theSweepLogsUnderItsFunctionAndNoOrderOfItsOwn() {
        Lambda.ok(Events.sweep());
        List<LogCapture.Line> ours = logs.lines().stream().filter(l -> l.logger().startsWith("io.claimdesk")).toList();
        assertThat(ours).isNotEmpty().allSatisfy(line -> {
            assertThat(line.function()).isEqualTo("flagLateArrival");
            assertThat(line.orderId()).isNull();
        });
    }

    @Test
    void anOrderIdThatIsNotAValidIdIsNeverPutInTheMdc() {
        ignoreRefusal(() -> functions.evaluateClaim(Events.evaluate("bad id #1").put("currency", "eur")));
        List<LogCapture.Line> ours = logs.lines().stream().filter(l -> l.logger().startsWith("io.claimdesk")).toList();
        assertThat(ours).isNotEmpty().allSatisfy(line -> {
            assertThat(line.function()).isEqualTo("evaluateClaim");
            assertThat(line.orderId()).isNull();
        });
    }
}
