package org.roundtable.web.services;

import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The audit service's answers, as the auditor's pages and "my receipts" read them (fields they do not use are ignored). */
public final class AuditApi {

    private AuditApi() {
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    public record History(String proposalId, String title, List<String> caseIds, List<String> initiativeIds, List<Step> steps,
                          List<DecisionAccount> decisions, Integer skippedEntries) {

        public History {
            caseIds = list(caseIds);
            initiativeIds = list(initiativeIds);
            steps = list(steps);
            decisions = list(decisions);
            skippedEntries = skippedEntries == null ? 0 : skippedEntries;
        }
    }

    public record Step(long position, String eventId, Instant occurredAt, String source, String event, String description,
                       String actorId, String actorRole, String actorName, String reason, Boolean recusal, String declaredInterest,
                       String vote, Boolean changedVote, String previousVote, String previousRationale) {
    }

    public record DecisionAccount(String caseId, Instant decidedAt, String outcome, String closedBy, String fundName, Money allocated,
                                  Money remaining, String summary) {
    }

    /** A proposal as it stood at an instant; a part that did not exist yet is null. */
    public record AsOf(String proposalId, Instant asOf, int entriesApplied, int skippedEntries, AsOfProposal proposal,
                       Endorsements endorsements, DecisionCase decisionCase, Initiative initiative) {
    }

    public record AsOfProposal(String status, int revision, String title, String serviceArea, ProposalContent content, String authorId,
                               List<CoDesigner> coDesigners, List<String> invited, String withdrawalReason, Instant lastChangedAt) {

        public AsOfProposal {
            coDesigners = list(coDesigners);
            invited = list(invited);
        }
    }

    public record Endorsements(boolean open, int count, List<Endorsement> current, List<Withdrawal> withdrawn) {

        public Endorsements {
            current = list(current);
            withdrawn = list(withdrawn);
        }
    }

    public record Endorsement(String participantId, String publicName, String reason, Instant endorsedAt) {
    }

    public record Withdrawal(String participantId, String reason, Instant endorsedAt, Instant withdrawnAt) {
    }

    public record DecisionCase(String caseId, String title, String serviceArea, Money asked, Instant openedAt, String status,
                               Sitting sitting, List<Sitting> earlierSittings) {

        public DecisionCase {
            earlierSittings = list(earlierSittings);
        }
    }

    public record Sitting(Panel panel, List<Declaration> declarations, List<Ballot> votes, Decision decision) {

        public Sitting {
            declarations = list(declarations);
            votes = list(votes);
        }

        public Declaration declarationOf(String memberId) {
            return declarations.stream().filter(declaration -> declaration.memberId().equals(memberId)).findFirst().orElse(null);
        }

        public Ballot voteOf(String memberId) {
            return votes.stream().filter(ballot -> ballot.memberId().equals(memberId)).findFirst().orElse(null);
        }
    }

    public record Panel(List<PanelMember> members, String chairId, Instant deadline, String fundId, Money amount, String assembledBy,
                        Instant assembledAt) {

        public Panel {
            members = list(members);
        }
    }

    public record Declaration(String memberId, String role, boolean hasInterest, String description, boolean recused, Instant declaredAt) {
    }

    public record Ballot(String memberId, String role, String vote, String rationale, Instant castAt, List<EarlierVote> earlier) {

        public Ballot {
            earlier = list(earlier);
        }
    }

    public record EarlierVote(String vote, String rationale, Instant castAt) {
    }

    public record Decision(String outcome, String note, String closedBy, String closedByRole, Instant decidedAt) {
    }

    public record Initiative(String initiativeId, String caseId, String title, String serviceArea, Money funding, String providerId,
                             String providerName, List<LocalDate> reviewDates, List<Indicator> indicators, String latestStatus,
                             BigDecimal hoursMobilised, Instant startedAt) {

        public Initiative {
            reviewDates = list(reviewDates);
            indicators = list(indicators);
        }
    }

    public record Indicator(String indicatorId, String name, String unit, BigDecimal baseline, BigDecimal target, String direction,
                            Reading latestReading) {
    }

    public record Reading(BigDecimal value, LocalDate observedOn, boolean livedExperience) {
    }

    /** {@code decisions} are the period's first; when {@code moreDecisionsAfter} is not null, more were reached (the CSV has them all). */
    public record PowerMap(Instant from, Instant to, String serviceArea, List<FundHeld> funds, List<MoneyTotal> totals,
                           List<ActorPower> actors, List<DecisionAtTable> decisions, Long moreDecisionsAfter, int skippedEntries) {

        public PowerMap {
            funds = list(funds);
            totals = list(totals);
            actors = list(actors);
            decisions = list(decisions);
        }
    }

    public record FundHeld(String fundId, String name, String serviceArea, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount,
                           BigDecimal allocated, String currency, List<Holder> holders) {

        public FundHeld {
            holders = list(holders);
        }
    }

    public record Holder(String id, String name) {
    }

    public record MoneyTotal(String currency, BigDecimal fundsHeld, BigDecimal allocated) {
    }

    public record ActorPower(String actorId, String name, String role, int decisionsClosed, int decisionsVotedIn, int votesCast,
                             int recusals, List<String> fundsHeld, List<Money> fundsAllocatedOnPanel, int hoursPledgedPerMonth,
                             BigDecimal hoursGiven, int proposalsDrafted, int coDesignsJoined, int workshopContributions) {

        public ActorPower {
            fundsHeld = list(fundsHeld);
            fundsAllocatedOnPanel = list(fundsAllocatedOnPanel);
            hoursGiven = hoursGiven == null ? BigDecimal.ZERO : hoursGiven;
        }
    }

    public record DecisionAtTable(String caseId, String proposalId, String title, String serviceArea, String outcome, Instant decidedAt,
                                  String closedBy, String closedByName, String closedByRole, int panelSize, int commissionersAtTable,
                                  int citizensAtTable, int membersVoted, int citizensVoted, int recused, Money allocated) {
    }

    /** The re-verification of the whole ledger. */
    public record Verification(boolean intact, long entriesVerified, long entriesBeyond, int checkpointsChecked,
                               CheckpointChecked checkpoint, Mismatch firstMismatch, Instant checkedAt) {
    }

    public record CheckpointChecked(long treeSize, String rootHash, String key) {
    }

    public record Mismatch(Long position, String eventId, String problem) {
    }

    /** A signed checkpoint; {@code note} is the C2SP signed note with the witnesses' cosignatures. */
    public record Checkpoint(long treeSize, String rootHash, Instant issuedAt, String note) {

        /** The signature lines under the note: the log's own first, then each witness's cosignature. */
        public int cosignatures() {
            if (note == null) {
                return 0;
            }
            long signatures = note.lines().filter(line -> line.startsWith("\u2014 ")).count();
            return (int) Math.max(0, signatures - 1);
        }
    }

    public record LogKey(String origin, String vkey, String keyId, List<String> retired, List<String> witnesses) {

        public LogKey {
            retired = list(retired);
            witnesses = list(witnesses);
        }
    }

    /** One act of the signed-in person's in the ledger. */
    public record Act(String eventId, long position, String event, String description, String role, Instant occurredAt,
                      boolean receiptReady) {
    }
}
