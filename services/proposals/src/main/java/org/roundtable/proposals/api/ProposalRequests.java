package org.roundtable.proposals.api;

import org.roundtable.events.proposals.ProposalContent;

/** Request bodies of the proposals API (a draft's body is a {@link ProposalContent} itself). */
public final class ProposalRequests {

    public record Invitation(String inviteeId) {
    }

    public record Joining(String brings) {
    }

    public record Amendment(ProposalContent content, String note) {
    }

    public record Withdrawal(String reason) {
    }

    public record FramingCheck(String text) {
    }

    public record Created(String id) {
    }

    private ProposalRequests() {
    }
}
