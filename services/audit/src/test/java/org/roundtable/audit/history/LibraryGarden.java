package org.roundtable.audit.history;

import org.roundtable.events.Role;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.outcomes.AssetsMobilised;
import org.roundtable.events.outcomes.Direction;
import org.roundtable.events.outcomes.DraftIndicator;
import org.roundtable.events.outcomes.IndicatorDefined;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.outcomes.InitiativeReviewed;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.outcomes.ProgressReported;
import org.roundtable.events.outcomes.ProviderAssigned;
import org.roundtable.events.outcomes.ReviewStatus;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.ContributionRecorded;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.participation.EndorsementWithdrawn;
import org.roundtable.events.participation.EndorsementsClosed;
import org.roundtable.events.participation.EndorsementsOpened;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.CoDesignerInvited;
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One proposal's whole life, told in ledger entries from all four services: drafted and co-designed, endorsed (one
 * endorsement withdrawn), pledged to, decided by a panel with a recusal and a changed vote, funded, delivered and
 * reviewed. The instants are spaced so that replays can fall between any two steps.
 */
public final class LibraryGarden {

    public static final String PROPOSAL = "proposal-garden";
    public static final String CASE = "case-garden";
    public static final String FUND = "fund-libraries";
    public static final String INITIATIVE = "initiative-garden";

    public static final ProposalContent FIRST = content("Library garden", "libraries");
    public static final ProposalContent SECOND = content("Library garden and reading corner", "libraries");

    private LibraryGarden() {
    }

    public static Money gbp(String amount) {
        return new Money(new BigDecimal(amount), "GBP");
    }

    public static ProposalContent content(String title, String serviceArea) {
        return new ProposalContent(title, "Neighbours grow food together in the library's garden", serviceArea,
                List.of(new Asset(AssetKind.PLACE, "The walled back garden", "Central Library")),
                new Ask(gbp("1200.00"), List.of()), List.of("More connection between neighbours"));
    }

    /**
     * How the citizens of the story wish to be named, as participation published it: Amara and Bill by their own
     * names, Gus and Ivy by their pseudonyms.
     */
    public static LedgerStory profiles() {
        return new LedgerStory()
                .by("amara", Role.CITIZEN).at("2026-02-01T09:00:00Z", profile("amara", "Amara Okafor", true))
                .by("bill", Role.CITIZEN).at("2026-02-01T09:01:00Z", profile("bill", "Bill Turner", true))
                .by("gus", Role.CITIZEN).at("2026-02-01T09:02:00Z", profile("gus", "Quiet Heron", false))
                .by("ivy", Role.CITIZEN).at("2026-02-01T09:03:00Z", profile("ivy", "Neighbour K7PQ2M", false));
    }

    public static ProfileRegistered profile(String participantId, String publicName, boolean namedPublicly) {
        return new ProfileRegistered(participantId, publicName, namedPublicly, List.of(Role.CITIZEN), "Eastfield", null, null, null, false);
    }

    /** The citizens' profiles, then the story: the ledger as the views read it. */
    public static List<RecordedEvent> ledger() {
        List<RecordedEvent> entries = new java.util.ArrayList<>(profiles().entries());
        entries.addAll(story().entries());
        return entries;
    }

    public static LedgerStory story() {
        return story("", Duration.ZERO);
    }

    /**
     * The same life for another proposal: every id of the proposal, its case, its fund, its initiative, its pledge and
     * its workshop ends with {@code suffix}, and every instant is moved by {@code shift}. The people stay the same.
     */
    public static LedgerStory story(String suffix, Duration shift) {
        String proposal = PROPOSAL + suffix;
        String decisionCase = CASE + suffix;
        String fund = FUND + suffix;
        String initiative = INITIATIVE + suffix;
        return new LedgerStory().shiftedBy(shift)
                .by("dana", Role.COMMISSIONER, "Dana Reeves")
                .at("2026-03-01T08:00:00Z", new FundCreated(fund, "Libraries 2026", "libraries", LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31"), gbp("10000.00"), List.of("dana", "eli")))
                .by("amara", Role.CITIZEN)
                .at("2026-03-02T09:00:00Z", new ProposalDrafted(proposal, "amara", Role.CITIZEN, FIRST))
                .at("2026-03-02T09:05:00Z", new CoDesignerInvited(proposal, "chen"))
                .by("chen", Role.STAFF, "Chen Li")
                .at("2026-03-02T09:10:00Z", new CoDesignerJoined(proposal, new CoDesigner("chen", Role.STAFF, "runs the library's volunteers")))
                .at("2026-03-02T09:15:00Z", new ProposalAmended(proposal, 2, SECOND, "added a reading corner for teenagers"))
                .at("2026-03-02T09:20:00Z", new ProposalSubmitted(proposal, 2, SECOND,
                        List.of(new CoDesigner("amara", Role.CITIZEN, null), new CoDesigner("chen", Role.STAFF, "runs the library's volunteers"))))
                .by("roundtable-participation", Role.SYSTEM, "Roundtable participation")
                .at("2026-03-02T09:21:00Z", new EndorsementsOpened(proposal, SECOND.title(), "libraries"))
                .by("roundtable-commissioning", Role.SYSTEM, "Roundtable commissioning")
                .at("2026-03-02T09:22:00Z", new DecisionCaseOpened(decisionCase, proposal, SECOND.title(), "libraries", gbp("1200.00")))
                .by("roundtable-proposals", Role.SYSTEM, "Roundtable proposals")
                .at("2026-03-02T09:23:00Z", new ProposalUnderDecision(proposal, decisionCase))
                .by("bill", Role.CITIZEN)
                .at("2026-03-02T09:30:00Z", new EndorsementGiven(proposal, "bill", "Bill Turner", "my children would use it"))
                .by("gus", Role.CITIZEN)
                .at("2026-03-02T09:31:00Z", new EndorsementGiven(proposal, "gus", "Quiet Heron", "a place to meet neighbours"))
                .by("bill", Role.CITIZEN)
                .at("2026-03-02T09:40:00Z", new EndorsementWithdrawn(proposal, "bill"))
                .at("2026-03-02T09:45:00Z", new AssetPledged(proposal, "pledge-bill" + suffix, "bill", "Bill Turner", AssetKind.TIME,
                        "weeding on Saturdays", 4))
                .by("gus", Role.CITIZEN)
                .at("2026-03-02T09:50:00Z", new ContributionRecorded(proposal, "workshop-1" + suffix, "idea-1" + suffix, "gus", "Quiet Heron",
                        "raised beds for wheelchair users, too"))
                .by("dana", Role.COMMISSIONER, "Dana Reeves")
                .at("2026-03-02T10:00:00Z", new PanelAssembled(decisionCase, List.of(new PanelMember("dana", Role.COMMISSIONER),
                        new PanelMember("eli", Role.COMMISSIONER), new PanelMember("farah", Role.COMMISSIONER),
                        new PanelMember("ivy", Role.CITIZEN)), "dana", Instant.parse("2026-03-09T17:00:00Z").plus(shift), fund,
                        gbp("1200.00"), proposal, "libraries"))
                .at("2026-03-02T10:05:00Z", new InterestDeclared(decisionCase, "dana", false, null, false, proposal))
                .by("eli", Role.COMMISSIONER, "Eli Morgan")
                .at("2026-03-02T10:06:00Z", new InterestDeclared(decisionCase, "eli", true, "my sister runs the library café", true, proposal))
                .by("ivy", Role.CITIZEN)
                .at("2026-03-02T10:07:00Z", new InterestDeclared(decisionCase, "ivy", false, "I borrow books there, nothing more", false, proposal))
                .by("dana", Role.COMMISSIONER, "Dana Reeves")
                .at("2026-03-02T10:10:00Z", new VoteCast(decisionCase, "dana", Vote.APPROVE, "builds on the garden we have", null, proposal))
                .by("ivy", Role.CITIZEN)
                .at("2026-03-02T10:20:00Z", new VoteCast(decisionCase, "ivy", Vote.REJECT, "nothing in it for teenagers", null, proposal))
                .at("2026-03-02T10:30:00Z", new VoteCast(decisionCase, "ivy", Vote.APPROVE, "the reading corner answers it", Vote.REJECT, proposal))
                .by("dana", Role.COMMISSIONER, "Dana Reeves")
                .at("2026-03-02T10:40:00Z", new DecisionReached(decisionCase, proposal, DecisionOutcome.APPROVED, List.of(
                        new RollEntry("dana", Role.COMMISSIONER, Vote.APPROVE, "builds on the garden we have", false, null),
                        new RollEntry("eli", Role.COMMISSIONER, null, null, true, "my sister runs the library café"),
                        new RollEntry("farah", Role.COMMISSIONER, null, null, false, null),
                        new RollEntry("ivy", Role.CITIZEN, Vote.APPROVE, "the reading corner answers it", false, "I borrow books there, nothing more")),
                        new Allocation(fund, gbp("1200.00")), "closed by the chair", "libraries"))
                .at("2026-03-02T10:40:01Z", new FundsAllocated(fund, decisionCase, proposal, gbp("1200.00"), gbp("8800.00"), "libraries"))
                .by("roundtable-proposals", Role.SYSTEM, "Roundtable proposals")
                .at("2026-03-02T10:41:00Z", new ProposalCommissioned(proposal, decisionCase, gbp("1200.00")))
                .by("roundtable-participation", Role.SYSTEM, "Roundtable participation")
                .at("2026-03-02T10:42:00Z", new EndorsementsClosed(proposal, "commissioned"))
                .by("roundtable-outcomes", Role.SYSTEM, "Roundtable outcomes")
                .at("2026-03-02T11:00:00Z", new InitiativeStarted(initiative, proposal, decisionCase, SECOND.title(), "libraries",
                        gbp("1200.00"), List.of(new DraftIndicator("indicator-connection", "More connection between neighbours"))))
                .by("dana", Role.COMMISSIONER, "Dana Reeves")
                .at("2026-03-02T11:05:00Z", new ProviderAssigned(initiative, "greenshoots", "Green Shoots CIC"))
                .at("2026-03-02T11:10:00Z", new IndicatorDefined(initiative, "indicator-connection", "More connection between neighbours",
                        "neighbours who know each other", new BigDecimal("10"), new BigDecimal("40"), Direction.HIGHER_IS_BETTER))
                .by("greenshoots", Role.PROVIDER, "Green Shoots CIC")
                .at("2026-04-02T12:00:00Z", new ProgressReported(initiative, "report-1" + suffix,
                        List.of(new IndicatorReading("indicator-connection", new BigDecimal("18"))), "twelve new plots in use",
                        LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-02"), false))
                .at("2026-04-03T12:00:00Z", new AssetsMobilised(initiative, "mobilised-1" + suffix, "pledge-bill" + suffix, "bill", "Bill Turner",
                        AssetKind.TIME, "weeding on Saturdays", new BigDecimal("3.5"), LocalDate.parse("2026-04-01")))
                .by("dana", Role.COMMISSIONER, "Dana Reeves")
                .at("2026-04-10T09:00:00Z", new InitiativeReviewed(initiative, ReviewStatus.ON_TRACK, "plots in use, neighbours meeting", null))
                .by("roundtable-outcomes", Role.SYSTEM, "Roundtable outcomes")
                .unknownAt("2026-04-11T09:00:00Z", "org.roundtable.outcomes.InitiativePaused.v2", initiative,
                        "{\"initiativeId\":\"" + initiative + "\",\"proposalId\":\"" + proposal + "\"}");
    }
}
