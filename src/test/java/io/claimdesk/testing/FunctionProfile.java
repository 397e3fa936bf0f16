package io.claimdesk.testing;

import java.util.Map;

import io.claimdesk.cases.CaseTable;
import io.quarkus.test.junit.QuarkusTestProfile;

/** One test profile per exported function, as each Lambda deployment exports exactly one. */
public abstract class FunctionProfile implements QuarkusTestProfile {

    protected abstract String export();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.funqy.export", export(),
                "quarkus.dynamodb.interceptors", "io.claimdesk.cases.RoundTrips,io.claimdesk.testing.CallCounter");
    }

    public static class EvaluateClaim extends FunctionProfile {
        @Override
        protected String export() {
            return CaseTable.EVALUATE_CLAIM;
        }
    }

    public static class RecordRefund extends FunctionProfile {
        @Override
        protected String export() {
            return CaseTable.RECORD_REFUND;
        }
    }

    public static class FlagLateArrival extends FunctionProfile {
        @Override
        protected String export() {
            return CaseTable.FLAG_LATE_ARRIVAL;
        }
    }
}
