package io.claimdesk.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.claimdesk.cases.CaseTable;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One test profile per exported function, as each Lambda deployment exports exactly one; each starts its application
 * with a local engine of its own ({@link LocalDynamoDb}).
 */
public abstract class FunctionProfile implements QuarkusTestProfile {

    protected abstract String export();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", export());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalDynamoDb.class));
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

    public static class RecordClaim extends FunctionProfile {
        @Override
        protected String export() {
            return CaseTable.RECORD_CLAIM;
        }
    }

    public static class SetAside extends FunctionProfile {
        @Override
        protected String export() {
            return CaseTable.SET_ASIDE;
        }
    }

    public static class CaseDesk extends FunctionProfile {
        @Override
        protected String export() {
            return CaseTable.CASE_DESK;
        }
    }

    /**
     * publishChanges, the table's stream in, with {@link EventBridgeFaults} on its EventBridge client: the event tests
     * call the other functions as Java and hand publishChanges what the stream recorded.
     */
    public static class PublishChanges extends FunctionProfile {
        @Override
        protected String export() {
            return CaseTable.PUBLISH_CHANGES;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("claimdesk.events.interceptors", EventBridgeFaults.class.getName());
            return config;
        }
    }

    /** spapiNotifications, SP-API notifications from an SQS queue, with {@link FaultInjector} on the DynamoDB client. */
    public static class SpApiNotifications extends FunctionProfile {
        @Override
        protected String export() {
            return CaseTable.SPAPI_NOTIFICATIONS;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.dynamodb.interceptors", "io.claimdesk.cases.RoundTrips,io.claimdesk.testing.FaultInjector");
            return config;
        }
    }

    /**
     * recordRefund with {@link FaultInjector} on the DynamoDB client, and short SDK timeouts so that a hung
     * engine fails an invocation within seconds (2 s per attempt in application.properties).
     */
    public static class Faults extends FunctionProfile {
        /** Per HTTP attempt; the injected hangs last longer. */
        public static final java.time.Duration ATTEMPT_TIMEOUT = java.time.Duration.ofMillis(1000);

        @Override
        protected String export() {
            return CaseTable.RECORD_REFUND;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.dynamodb.interceptors", "io.claimdesk.cases.RoundTrips,io.claimdesk.testing.FaultInjector");
            config.put("quarkus.dynamodb.api-call-attempt-timeout", ATTEMPT_TIMEOUT.toMillis() + "MS");
            config.put("quarkus.dynamodb.api-call-timeout", "2S");
            return config;
        }
    }

    /** flagLateArrival with a sweep that stops after {@link #MAX_CASES} cases per run, in pages of 2. */
    public static class SmallSweep extends FunctionProfile {
        public static final int MAX_CASES = 3;

        @Override
        protected String export() {
            return CaseTable.FLAG_LATE_ARRIVAL;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("claimdesk.sweep.max-cases", String.valueOf(MAX_CASES));
            config.put("claimdesk.sweep.page-size", "2");
            return config;
        }
    }

    /** The whole desk over HTTP, as dev mode serves it (io.claimdesk.dev.LocalDesk), on a free loopback port. */
    public static class LocalDesk extends FunctionProfile {
        @Override
        protected String export() {
            return CaseTable.EVALUATE_CLAIM;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("claimdesk.dev.serve", "true");
            config.put("claimdesk.dev.http-port", "0");
            return config;
        }
    }

    /**
     * The local desk with sign-in, as on AWS: the page signs in against a local stand-in of Cognito's hosted sign-in
     * ({@link CognitoStandIn}) before it calls the API.
     */
    public static class LocalDeskSignIn extends LocalDesk {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalDynamoDb.class), new TestResourceEntry(CognitoStandIn.class));
        }
    }
}
