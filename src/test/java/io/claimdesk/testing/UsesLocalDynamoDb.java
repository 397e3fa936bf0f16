package io.claimdesk.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the local engine for every @QuarkusTest (restarted with each test profile). */
@QuarkusTestResource(LocalDynamoDb.class)
public final class UsesLocalDynamoDb {
    private UsesLocalDynamoDb() {
    }
}
