package io.claimdesk.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle table as docs/lifecycle.md shows it, and the shape of the table itself. */
class LifecycleTest {

    private static String readme() throws IOException {
        return Files.readString(Path.of("docs", "lifecycle.md"));
    }

    @Test
    void theDocsDrawTheLifecycleTheCodeFollows() throws IOException {
        String mermaid = "```mermaid\n" + String.join("\n", Lifecycle.diagram()) + "\n```";

        assertThat(readme()).contains(mermaid);
    }

    @Test
    void theDocsSayWhatRecordsEachEventAndItsRules() throws IOException {
        String readme = readme();
        for (Lifecycle.Event e : Lifecycle.Event.values()) {
            String rules = e.rules().stream().map(Rule::name).collect(Collectors.joining(", "));
            assertThat(readme).contains("| `" + e + "` | " + e.recordedBy() + " | " + rules + " |");
        }
    }

    @Test
    void everyEventMovesSomewhereAndCitesARule() {
        for (Lifecycle.Event e : Lifecycle.Event.values()) {
            assertThat(e.moves()).as("%s", e).isNotEmpty();
            assertThat(e.rules()).as("%s", e).isNotEmpty();
        }
    }

    @Test
    void onlyTheOpeningCreatesACaseAndEveryStatusIsReachedAndLeft() {
        assertThat(Arrays.stream(Lifecycle.Event.values()).filter(e -> e.moves().stream().anyMatch(m -> m.from() == null)))
                .containsExactly(Lifecycle.Event.CASE_OPENED);
        List<Lifecycle.Move> moves = Arrays.stream(Lifecycle.Event.values()).flatMap(e -> e.moves().stream()).toList();
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(moves).as("into %s", status).anyMatch(m -> m.to() == status && m.from() != status);
            assertThat(moves).as("out of %s", status).anyMatch(m -> m.from() == status && m.to() != status);
        }
    }

    @Test
    void aMoveTheTableDoesNotListIsABug() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> Lifecycle.require(Lifecycle.Event.CLAIM_DEADLINE_PASSED, CaseStatus.CLAIM_FILED, CaseStatus.CLOSED))
                .withMessageContaining("CLAIM_DEADLINE_PASSED");
    }

    @Test
    void everyAttentionIsHandledAsAnEventOfTheTable() {
        for (Attention.Kind kind : Attention.Kind.values()) {
            assertThat(kind.event().recordedBy()).isEqualTo("the scheduled sweep");
        }
    }
}
