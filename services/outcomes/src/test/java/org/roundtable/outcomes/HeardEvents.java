package org.roundtable.outcomes;

import org.roundtable.events.Role;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalSubmitted;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The other services' events outcomes acts on, as the saga's unit test and the integration tests send them: a library
 * garden proposed, decided with one commissioner recused, and neighbours pledging their time to it.
 */
public final class HeardEvents {

    public static final Money GRANTED = new Money(new BigDecimal("1000.00"), "GBP");
    public static final List<String> OUTCOMES = List.of("More connection between neighbours", "Fewer people feeling alone");

    private HeardEvents() {
    }

    /** The garden proposed in a service area, co-designed by these citizens. */
    public static ProposalSubmitted submitted(String proposalId, String serviceArea, String... citizens) {
        return submitted(proposalId, serviceArea, Arrays.stream(citizens).map(id -> new CoDesigner(id, Role.CITIZEN, "ideas")).toArray(CoDesigner[]::new));
    }

    public static ProposalSubmitted submitted(String proposalId, String serviceArea, CoDesigner... coDesigners) {
        ProposalContent content = new ProposalContent("Library garden", "Neighbours grow food together", serviceArea,
                List.of(new Asset(AssetKind.PLACE, "The library's walled garden", "Central Library")), new Ask(GRANTED, List.of()), OUTCOMES);
        return new ProposalSubmitted(proposalId, 1, content, List.of(coDesigners));
    }

    /** The panel's decision: eli and cal vote, farah is recused, dana holds the fund; an approval allocates {@link #GRANTED}. */
    public static DecisionReached decided(String caseId, String proposalId, DecisionOutcome outcome) {
        return new DecisionReached(caseId, proposalId, outcome, List.of(
                new RollEntry("eli", Role.COMMISSIONER, Vote.APPROVE, "sound", false, null),
                new RollEntry("farah", Role.COMMISSIONER, null, null, true, "my partner volunteers there"),
                new RollEntry("cal", Role.CITIZEN, Vote.APPROVE, "we need it", false, null)),
                outcome == DecisionOutcome.APPROVED ? new Allocation("fund-1", GRANTED) : null, "closed by the chair", "libraries",
                List.of("dana"));
    }

    public static AssetPledged pledged(String proposalId, String pledgeId, String participantId, int hoursPerMonth) {
        return new AssetPledged(proposalId, pledgeId, participantId, "Neighbour " + participantId, AssetKind.TIME, "Digging on Saturdays",
                hoursPerMonth);
    }
}
