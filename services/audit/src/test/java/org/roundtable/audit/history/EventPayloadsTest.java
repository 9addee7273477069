package org.roundtable.audit.history;

import org.junit.jupiter.api.Test;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;

import static org.assertj.core.api.Assertions.assertThat;

class EventPayloadsTest {

    private static final String VOTE_CAST = "org.roundtable.commissioning.VoteCast.v1";

    @Test
    void aKnownTypeIsReadIntoItsPublishedRecordWhateverTheOrderOfItsFieldsAndExtraFields() {
        String canonical = "{\"caseId\":\"case-1\",\"memberId\":\"ivy\",\"nextField\":7,\"previousVote\":\"REJECT\","
                + "\"rationale\":\"the reading corner answers it\",\"vote\":\"APPROVE\"}";

        assertThat(EventPayloads.read(VOTE_CAST, canonical)).contains(
                new VoteCast("case-1", "ivy", Vote.APPROVE, "the reading corner answers it", Vote.REJECT));
    }

    @Test
    void anUnknownTypeOrAPayloadThatDoesNotFitItsRecordReadsAsNothing() {
        assertThat(EventPayloads.read("org.roundtable.commissioning.VoteCast.v9", "{\"caseId\":\"case-1\"}")).isEmpty();
        assertThat(EventPayloads.read("org.roundtable.outcomes.InitiativeCelebrated.v1", "{}")).isEmpty();
        assertThat(EventPayloads.read(VOTE_CAST, "{\"vote\":\"MAYBE\"}")).isEmpty();
        assertThat(EventPayloads.read(VOTE_CAST, "not json")).isEmpty();
        assertThat(EventPayloads.read(VOTE_CAST, null)).isEmpty();
    }
}
