package io.claimdesk.policy;

/** Amazon's decision on an A-to-z Guarantee claim, or the buyer's withdrawal of it. */
public enum ClaimOutcome {
    GRANTED, DENIED, WITHDRAWN
}
