package io.claimdesk.policy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.claimdesk.policy.Arg.CARRIER;
import static io.claimdesk.policy.Arg.DATE;
import static io.claimdesk.policy.Arg.DAYS;
import static io.claimdesk.policy.Arg.MONEY;
import static io.claimdesk.policy.Arg.NOTE;
import static io.claimdesk.policy.Arg.TEXT;
import static io.claimdesk.policy.Arg.TIME;

/**
 * Every text the desk writes, by name, with its arguments. The texts themselves, one file per language, are in
 * {@code io/claimdesk/policy/messages_<language>.properties} ({@link Catalogue}): sentences for the seller follow
 * the seed's own words where it has them (who acts, its hedges, its vocabulary); drafts ({@code DRAFT_*}) are
 * messages the seller may send the buyer; parts ({@code PART_*}) are the words arguments are printed with. A text
 * names each argument as {@code {name}}, formatted by its declared {@link Arg} type. Statements store a constant's
 * name and its arguments in order (a case's history keeps them): rename no constant, and never reorder, drop or
 * retype an argument of one that a history holds.
 */
public enum Message {
    OWN_POLICY_DECIDES(),
    CLAIM_STILL_POSSIBLE(DATE.as("opensOn"), DATE.as("deadline")),
    /** {@link #CLAIM_STILL_POSSIBLE} once the deadline has passed: the window is over, a late claim may still be accepted. */
    CLAIM_STILL_POSSIBLE_AFTER_DEADLINE(DATE.as("deadline")),
    /** {@link #CLAIM_STILL_POSSIBLE} once the buyer has filed: the claim is there, awaiting Amazon's decision. */
    CLAIM_ALREADY_FILED(DATE.as("filedOn")),
    CONTACT_WITH_PROOF(DATE.as("deliveredOn")),
    FEEDBACK_STAYS_POSSIBLE(),
    WINDOW_NOT_YET_OPEN(DATE.as("asOf"), DATE.as("opensOn"), DAYS.as("daysUntilOpen")),
    WINDOW_OPEN(DATE.as("asOf"), DATE.as("deadline"), DAYS.as("daysLeft")),
    WINDOW_OPEN_LAST_DAY(DATE.as("asOf")),
    WINDOW_LATE(DATE.as("asOf"), DATE.as("deadline"), DAYS.as("daysPast")),
    OPENS_BY_DELIVERY(DATE.as("opensOn"), DATE.as("maxDeliveryDate")),
    OPENS_BY_SERVICE_DATE(DATE.as("opensOn"), DATE.as("serviceDate")),
    OPENS_BY_ORDER(DATE.as("opensOn"), DATE.as("orderDate")),
    OPENS_BY_ORDER_FOR_SERVICE(DATE.as("opensOn"), DATE.as("orderDate")),
    OPENS_ON_BOTH_BOUNDS(DATE.as("opensOn")),
    OPENS_ON_BOTH_BOUNDS_FOR_SERVICE(DATE.as("opensOn")),
    DEADLINE_FROM_DELIVERY(DATE.as("maxDeliveryDate")),
    DEADLINE_FROM_SERVICE(DATE.as("serviceDate")),
    REFUND_FRIENDLIEST(MONEY.as("remaining")),
    REFUND_THEN_ARRIVAL(),
    REORDER_GOOD_SERVICE(),
    REORDER_THEN_ARRIVAL(),
    CARRIER_STATUS_LOST(CARRIER.as("carrier")),
    CARRIER_STATUS_WRONG_ADDRESS(CARRIER.as("carrier")),
    CARRIER_TRACKED(),
    CARRIER_INSURED(),
    CARRIER_OTHER_OPTIONS(),
    CARRIER_PROOF_OF_DELIVERY(CARRIER.as("carrier"), DATE.as("deliveredOn")),
    MARKETPLACE_RETURNS(),
    FULLY_REFUNDED(MONEY.as("refunded")),
    CLOSED_DELIVERED(),
    CLOSED_DEADLINE_PASSED(),
    CLOSED_REFUNDED(),
    CLOSED_CLAIM_GRANTED(),
    CLOSED_CLAIM_DENIED(),
    CLOSED_LATE_ARRIVAL_SETTLED(),
    CLOSED_LATE_ARRIVAL_UNSETTLED(),
    ARRIVAL_ASK_CONSENT(DATE.as("deliveredOn")),
    ARRIVAL_ARRANGE_RETURN(DATE.as("deliveredOn")),
    ARRIVAL_BEFORE_REFUND(DATE.as("deliveredOn"), DATE.as("refundedOn")),
    RECEIPT_CONFIRMED_BY_BUYER(DATE.as("deliveredOn")),
    RECEIPT_RECORDED_AFTER_WINDOW(DATE.as("deliveredOn")),
    EVIDENCE_CARRIER_SCAN(DATE.as("deliveredOn")),
    EVIDENCE_SELLER_REPORT(DATE.as("deliveredOn")),
    CONSENT_GIVEN(),
    CONSENT_REFUSED(),
    RETURN_RECEIVED(),
    REPLACEMENT_ORDERED(TEXT.as("replacementOrderId")),
    LATE_ARRIVAL_SETTLED(),
    CLAIM_FILED(DATE.as("filedOn")),
    CLAIM_FILED_LATE(DATE.as("filedOn")),
    CLAIM_FILED_EARLY(DATE.as("filedOn")),
    CLAIM_ANSWER_WITH_EVIDENCE(),
    CLAIM_PENDING(DATE.as("filedOn")),
    CLAIM_GRANTED(DATE.as("decidedOn")),
    CLAIM_DENIED(DATE.as("decidedOn")),
    CLAIM_WITHDRAWN(DATE.as("decidedOn")),
    WINDOW_OPENED(DATE.as("opensOn")),
    CLAIM_RESPONSE_DUE(DATE.as("filedOn")),
    DEADLINE_PASSED_CLOSED(DATE.as("deadline")),
    DEADLINE_PASSED_REFUNDED(DATE.as("deadline")),
    FOLLOW_UP_CONSENT(DATE.as("deliveredOn")),
    FOLLOW_UP_RETURN(DATE.as("deliveredOn")),
    EXPIRED_CONSENT(DATE.as("deliveredOn")),
    EXPIRED_RETURN(DATE.as("deliveredOn")),
    CASE_OPENED(),
    FACTS_UPDATED(),
    REFUND_RECORDED(TEXT.as("refundId"), MONEY.as("amount")),
    REFUND_AND_REORDER_RECORDED(TEXT.as("refundId"), MONEY.as("amount")),
    /** R9: the seller's answer to Amazon about the claim, its day and time in the marketplace's zone. */
    CLAIM_ANSWERED(DATE.as("respondedOn"), TIME.as("respondedAt")),
    CASE_SET_ASIDE(DATE.as("until"), NOTE.as("note")),
    /** R10, the sweep: the appeal period of a granted claim is over. */
    APPEAL_PERIOD_ENDED(DATE.as("appealBy")),
    /** R1: Amazon reported the order cancelled (an SP-API ORDER_CHANGE notification), on that day. */
    ORDER_CANCELLED(DATE.as("cancelledOn")),

    // What the seller is to do, one sentence per to-do (Todos).
    TODO_ANSWER_BUYER(DATE.as("openedOn")),
    /** R9: the day and time of {@code respondBy} in the marketplace's zone. */
    TODO_ANSWER_CLAIM(DATE.as("filedOn"), DATE.as("respondByDay"), TIME.as("respondByTime")),
    TODO_APPEAL(DATE.as("decidedOn"), DATE.as("appealBy")),
    TODO_SET_ASIDE_ENDED(DATE.as("until"), NOTE.as("note")),
    /** R1: Amazon reported the order cancelled; the seller checks what the own policy says before acting. */
    TODO_CHECK_CANCELLED_ORDER(DATE.as("cancelledOn")),

    // Claim deadlines in an evaluation (R9, R10), and what claims protection changes (R11, R12).
    CLAIM_RESPOND_BY(DATE.as("respondByDay"), TIME.as("respondByTime")),
    APPEAL_UNTIL(DATE.as("appealBy")),
    REFUND_NOT_REIMBURSED(),
    CLAIM_FUNDED_BY_AMAZON(),
    CLAIM_COUNTS_TOWARD_ODR(),

    // Drafts to the buyer, in the marketplace's language; the signature line (PART_SIGNATURE) follows each.
    DRAFT_CONTACT_BUYER(TEXT.as("orderId"), DATE.as("maxDeliveryDate")),
    DRAFT_CONTACT_BUYER_SERVICE(TEXT.as("orderId"), DATE.as("serviceDate")),
    DRAFT_CONTACT_BUYER_SCAN(TEXT.as("orderId"), DATE.as("deliveredOn")),
    DRAFT_REFUND_DONE(TEXT.as("orderId"), MONEY.as("amount")),
    DRAFT_REFUND_AND_REORDER(TEXT.as("orderId"), MONEY.as("amount")),
    DRAFT_ASK_CONSENT(TEXT.as("orderId"), DATE.as("deliveredOn"), MONEY.as("refunded")),
    DRAFT_ARRANGE_RETURN(TEXT.as("orderId"), DATE.as("deliveredOn")),

    // Parts: the words arguments and drafts are printed with.
    /** A day count: the singular form, then "|", then the plural one. */
    PART_DAYS(DAYS.as("count")),
    /** A carrier the seller did not name. */
    PART_UNNAMED_CARRIER(),
    /** The last line of every draft: the one thing the seller fills in. */
    PART_SIGNATURE(),
    /** Why a case was set aside ({@link SetAside.Note}), as a seller's team says it. */
    PART_NOTE_CONTACTED_BUYER(),
    PART_NOTE_WAITING_FOR_CARRIER(),
    PART_NOTE_WAITING_FOR_BUYER(),
    PART_NOTE_OTHER();

    /** What a text is for: a sentence to the seller, a draft to the buyer, or a part of either. */
    public enum Use { SENTENCE, DRAFT, PART }

    private final List<Param> params;

    Message(Param... params) {
        this.params = List.of(params);
    }

    /** The arguments, in the order a statement stores them, each with the name its texts give it. */
    public List<Param> params() {
        return params;
    }

    /** The arguments' types, in order. */
    public List<Arg> args() {
        return params.stream().map(Param::type).toList();
    }

    public Use use() {
        return name().startsWith("DRAFT_") ? Use.DRAFT : name().startsWith("PART_") ? Use.PART : Use.SENTENCE;
    }

    /** The languages this message has a text in: every one, or its language's file would not load. */
    public Set<Language> languages() {
        EnumSet<Language> languages = EnumSet.noneOf(Language.class);
        Arrays.stream(Language.values()).filter(l -> Catalogue.of(l).has(this)).forEach(languages::add);
        return languages;
    }

    /** The text in {@code language} (its home variant), as its file writes it, terms in place, {@code {name}} for arguments. */
    public String pattern(Language language) {
        return Catalogue.of(language).template(this).text();
    }

    /** The text for {@code wording} with each argument formatted for it by its declared type. */
    public String render(Wording wording, List<String> values) {
        return Catalogue.of(wording).template(this).render(values, wording);
    }
}
