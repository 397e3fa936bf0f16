package io.claimdesk;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code claimdesk.*}; each can also be given as an environment variable (CLAIMDESK_TABLE_NAME, ...). */
@ConfigMapping(prefix = "claimdesk")
public interface ClaimDeskConfig {

    /** The DynamoDB table holding the cases. */
    @WithDefault("claim-desk-cases")
    String tableName();

    /** Days a closed case is kept before DynamoDB's TTL may delete it. */
    @WithDefault("400")
    long closedCaseRetentionDays();

    /**
     * Run one evaluation without I/O during init, so SnapStart snapshots warm code. Unset: only when Lambda
     * initialises for a SnapStart snapshot ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); without SnapStart
     * the work would only move from the first invocation into init, and cost more there. Declared here, not
     * read with {@code @ConfigProperty}: every {@code claimdesk.*} key must belong to this mapping, or
     * start-up fails with "does not map to any root" as soon as the key is set.
     */
    Optional<Boolean> prime();

    /**
     * R9: hours the seller has to answer Amazon's request about a filed claim, counted from the claim's instant (or the
     * start of its day). Amazon's pages say 48 on one and 72 on another: the shorter is the default.
     */
    @WithDefault("48")
    int claimResponseHours();

    Sweep sweep();

    Events events();

    Dev dev();

    /** Dev mode only (and the tests that walk the API over HTTP). */
    interface Dev {
        /** Loopback port of the local DynamoDB engine dev mode starts (or reuses). */
        @WithDefault("8000")
        int dynamodbPort();

        /** Serve the whole desk over HTTP in dev mode (io.claimdesk.dev.LocalDesk). */
        @WithDefault("true")
        boolean serve();

        /** Loopback port the desk answers on in dev mode; 0 takes a free one. */
        @WithDefault("8080")
        int httpPort();

        /** How often dev mode runs the sweep, as the stack's schedule does (SweepSchedule, hourly by default). */
        @WithDefault("PT1H")
        Duration sweepEvery();

        /** The desk page's files, which dev mode serves at {@code /} beside the API (on AWS: S3 behind CloudFront). */
        @WithDefault("page")
        String pageDir();

        /**
         * The sign-in the page uses locally: none by default (dev mode has no sign-in). The browser test points it at a
         * local stand-in of Cognito's endpoints: its base URL, and the client id the page sends.
         */
        Optional<String> signInDomain();

        Optional<String> signInClientId();
        /**
         * Read the local SP-API notification queue and the table's stream in dev mode, as Lambda's event source mappings
         * do in AWS (io.claimdesk.dev.LocalFeeds).
         */
        @WithDefault("true")
        boolean feeds();

        /** The local queue of SP-API notifications dev mode creates and reads; its dead-letter queue is {@code <name>-dlq}. */
        @WithDefault("claim-desk-notifications")
        String notificationsQueue();

        /** How often dev mode reads the queue and the stream. */
        @WithDefault("PT1S")
        Duration pollEvery();
    }

    /** What the desk tells Amazon EventBridge, from the table's stream (see {@code io.claimdesk.cases.CaseEvents}). */
    interface Events {
        /** The event bus: {@code default}, or the name of the bus the stack creates. */
        @WithDefault("default")
        String busName();

        /** Another EventBridge endpoint (the local engine in dev mode and tests); AWS's own when absent. */
        Optional<URI> endpointOverride();

        /**
         * How many times an event EventBridge refuses is put, in all, before the change it belongs to is reported back
         * to the stream as not published (each call is also retried by the SDK when throttled or failing).
         */
        @WithDefault("3")
        int entryAttempts();

        /** Waited before putting refused events again, once more for each further attempt. */
        @WithDefault("PT0.2S")
        Duration entryRetryDelay();

        /**
         * How long one PutEvents attempt may take, and one call with the SDK's retries: a slow EventBridge must not hold the
         * stream long (the local engine, which delivers each event to its rules' targets before it answers, is given more).
         */
        @WithDefault("PT2S")
        Duration attemptTimeout();

        @WithDefault("PT10S")
        Duration callTimeout();

        /** SDK execution interceptors of the EventBridge client, by class name (the tests inject faults with one). */
        Optional<List<String>> interceptors();
    }

    interface Sweep {
        /** Most cases one scheduled run handles; the rest waits for the next run. */
        @WithDefault("500")
        int maxCases();

        /** Stop starting new cases after this long, well before the Lambda timeout. */
        @WithDefault("PT40S")
        Duration maxDuration();

        /** Items per Query page. */
        @WithDefault("100")
        int pageSize();
    }
}
