package io.claimdesk.policy;

/**
 * What was recorded after a late arrival: the buyer's answer to the re-charge request (R3; null: none yet),
 * whether the original came back (R7), and the buyer's replacement order id (R7; null: none).
 */
public record FollowUps(FollowUp consent, boolean returnReceived, String replacementOrderId) {

    public static final FollowUps NONE = new FollowUps(null, false, null);

    public FollowUps {
        if (consent != null && consent != FollowUp.CONSENT_GIVEN && consent != FollowUp.CONSENT_REFUSED) {
            throw new IllegalArgumentException("not a consent: " + consent);
        }
    }
}
