package io.claimdesk.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.claimdesk.policy.Orders.date;
import static io.claimdesk.policy.Orders.noonInParis;
import static io.claimdesk.policy.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

/** Which changes are announced, what an announcement says, and the event catalogue docs/events.md shows. */
class AnnouncementTest {

    // window of this order: opens 2026-03-13, deadline 2026-06-08
    private final ClaimCase open = Orders.opened(order("2026-03-01", "2026-03-10").build());

    @Test
    void everyRefundArrivalFollowUpClaimAndSweepEventIsAnnouncedAndNothingElse() {
        List<Lifecycle.Event> silent = Arrays.stream(Lifecycle.Event.values())
                .filter(e -> Announcement.detailType(e).isEmpty()).toList();
        assertThat(silent).containsExactlyInAnyOrder(Lifecycle.Event.CASE_OPENED, Lifecycle.Event.FACTS_UPDATED);
        for (Attention.Kind kind : Attention.Kind.values()) {
            assertThat(Announcement.detailType(kind.event())).as("%s", kind).isPresent();
        }
        assertThat(Announcement.NEEDS_ATTENTION).allSatisfy(e -> assertThat(e.recordedBy()).isEqualTo("the scheduled sweep"));
        assertThat(Arrays.stream(Lifecycle.Event.values()).flatMap(e -> Announcement.detailType(e).stream()).distinct())
                .as("one detail-type per event").hasSize(Lifecycle.Event.values().length - 2);
    }

    @Test
    void openingACaseAnnouncesNothing() {
        assertThat(Announcement.added(null, open)).isEmpty();
        assertThat(open.history()).singleElement().satisfies(h -> {
            assertThat(h.statusBefore()).isNull();
            assertThat(h.statusAfter()).isEqualTo(CaseStatus.OPEN);
        });
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Announcement(0,
                Lifecycle.Event.CASE_OPENED, noonInParis("2026-03-01").at(), null, CaseStatus.OPEN, null, List.of(Rule.R1), null));
    }

    @Test
    void aRefundIsAnnouncedWithItsHistoryIndexStatusesRulesAndNextAttention() {
        ClaimCase refunded = open.refund(RefundRequest.of("rf-1", "20.00", null, false, "a reason", null), noonInParis("2026-03-12")).after();

        assertThat(Announcement.added(open, refunded)).singleElement().satisfies(a -> {
            assertThat(a.index()).isEqualTo(1);
            assertThat(refunded.history().get(a.index()).event()).isEqualTo("REFUND_RECORDED");
            assertThat(a.detailType()).isEqualTo("Refund recorded");
            assertThat(a.from()).isEqualTo(CaseStatus.OPEN);
            assertThat(a.to()).isEqualTo(CaseStatus.OPEN);
            assertThat(a.closeReason()).isNull();
            assertThat(a.rules()).containsExactly(Rule.R3);
            assertThat(a.next()).isEqualTo(new Attention(date("2026-03-13"), Attention.Kind.CLAIM_WINDOW_OPENS));
            assertThat(a.at()).isEqualTo(noonInParis("2026-03-12").at());
        });
        assertThat(Announcement.id(refunded.orderId(), 1)).isEqualTo("171-0000000-0000001/1");
    }

    @Test
    void aReplayAnnouncesNothingMore() {
        RefundRequest request = RefundRequest.of("rf-1", "20.00", null, false, null, null);
        ClaimCase once = open.refund(request, noonInParis("2026-03-12")).after();
        ClaimCase.RefundTransition again = once.refund(request, noonInParis("2026-03-12"));

        assertThat(again.replay()).isTrue();
        assertThat(Announcement.added(once, again.after())).isEmpty();
    }

    @Test
    void eachChangeOfOneSweepIsAnnouncedWithTheStatusesAndNextAttentionAfterIt() {
        ClaimCase swept = open.attend(date("2026-06-09"), noonInParis("2026-06-09")).after();

        List<Announcement> announced = Announcement.added(open, swept);
        assertThat(announced).extracting(Announcement::event)
                .containsExactly(Lifecycle.Event.CLAIM_WINDOW_OPENED, Lifecycle.Event.CLAIM_DEADLINE_PASSED);
        Announcement opened = announced.get(0);
        assertThat(opened.from()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.to()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.next()).isEqualTo(new Attention(date("2026-06-09"), Attention.Kind.CLAIM_DEADLINE_PASSED));
        Announcement closed = announced.get(1);
        assertThat(closed.index()).isEqualTo(opened.index() + 1);
        assertThat(closed.from()).isEqualTo(CaseStatus.OPEN);
        assertThat(closed.to()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closeReason()).isEqualTo(CloseReason.CLAIM_DEADLINE_PASSED);
        assertThat(closed.next()).isNull();
    }

    @Test
    void aCaseHistoryAnnouncesAgainExactlyWhatItsChangesAnnouncedOneByOne() {
        ClaimCase refunded = open.refund(RefundRequest.of("rf-1", "20.00", null, false, null, null), noonInParis("2026-03-12")).after();
        ClaimCase arrived = refunded.arrive(date("2026-03-14"), ArrivalSource.BUYER, noonInParis("2026-03-15")).after();
        ClaimCase consented = arrived.followUp(FollowUp.CONSENT_GIVEN, null, noonInParis("2026-03-16")).after();

        List<Announcement> oneByOne = new java.util.ArrayList<>(Announcement.added(open, refunded));
        oneByOne.addAll(Announcement.added(refunded, arrived));
        oneByOne.addAll(Announcement.added(arrived, consented));
        assertThat(Announcement.inHistory(consented, 0)).isEqualTo(oneByOne);
        assertThat(oneByOne).extracting(a -> a.from() + "->" + a.to())
                .containsExactly("OPEN->OPEN", "OPEN->LATE_ARRIVAL_FLAGGED", "LATE_ARRIVAL_FLAGGED->CLOSED");
        assertThat(Announcement.inHistory(consented, 2)).extracting(Announcement::index).containsExactly(2, 3);
    }

    @Test
    void anEntryRecordedBeforeEntriesSaidWhereTheyLeftTheCaseIsNotAnnouncedAgain() {
        HistoryEntry recorded = open.refund(RefundRequest.of("rf-1", "20.00", null, false, null, null), noonInParis("2026-03-12"))
                .entries().get(0);
        HistoryEntry older = new HistoryEntry(recorded.at(), recorded.by(), recorded.event(), recorded.rules(), recorded.statements());

        assertThat(Announcement.of(1, recorded)).isPresent();
        assertThat(Announcement.of(1, older)).isEmpty();
    }

    @Test
    void aCancellationAmazonReportedIsAnnouncedAndLeavesTheStatusAsItWas() {
        OrderChange cancelled = new OrderChange(noonInParis("2026-03-05").at(), Marketplace.FR, OrderChange.Status.CANCELED,
                null, null, false);
        ClaimCase after = open.orderChanged(cancelled, noonInParis("2026-03-05")).after();

        assertThat(Announcement.added(open, after)).singleElement().satisfies(a -> {
            assertThat(a.detailType()).isEqualTo("Order cancelled");
            assertThat(a.from()).isEqualTo(CaseStatus.OPEN);
            assertThat(a.to()).isEqualTo(CaseStatus.OPEN);
            assertThat(a.rules()).containsExactly(Rule.R1);
        });
    }

    @Test
    void theNextAttentionSaysWhatTheSellerIsToDoInOneStatement() {
        assertThat(open.nextAttentionSays()).hasValueSatisfying(s -> {
            assertThat(s.rule()).isEqualTo(Rule.R6);
            assertThat(s.render(Language.EN)).startsWith("The claim window opened on March 13, 2026");
        });
        ClaimCase closed = open.attend(date("2026-06-09"), noonInParis("2026-06-09")).after();
        assertThat(closed.nextAttentionSays()).isEmpty();
    }

    @Test
    void theDocsListEveryDetailTypeWithItsEvent() throws IOException {
        String readme = Files.readString(Path.of("docs", "events.md"));
        for (Lifecycle.Event e : Lifecycle.Event.values()) {
            Announcement.detailType(e).ifPresent(type -> assertThat(readme).contains("| " + type + " | `" + e + "` |"));
        }
    }
}
