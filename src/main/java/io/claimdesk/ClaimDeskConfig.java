package io.claimdesk;

import java.time.Duration;

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

    /** Create the table at start-up if it is missing: for dev mode and tests only, never in AWS. */
    @WithDefault("false")
    boolean createTable();

    /**
     * Run one evaluation without I/O during init so SnapStart snapshots warm code. Declared here, not
     * read with {@code @ConfigProperty}: every {@code claimdesk.*} key must belong to this mapping, or
     * start-up fails with "does not map to any root" as soon as the key is set.
     */
    @WithDefault("true")
    boolean prime();

    Sweep sweep();

    Dev dev();

    /** Dev mode only. */
    interface Dev {
        /** Loopback port of the local DynamoDB engine dev mode starts (or reuses). */
        @WithDefault("8000")
        int dynamodbPort();
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
