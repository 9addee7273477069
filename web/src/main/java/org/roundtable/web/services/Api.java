package org.roundtable.web.services;

import org.roundtable.events.Role;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;

import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.outcomes.Direction;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.outcomes.ReviewStatus;
import org.roundtable.events.proposals.ProposalSubmitted;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The services' answers, as these pages read them (fields they do not use are ignored). */
public final class Api {

    /** A page of a list; when {@code totalItemsCapped}, more items match than {@code totalItems} (and more pages than {@code totalPages}). */
    public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages, Boolean totalItemsCapped) {

        public PageOf {
            items = items == null ? List.of() : items;
            totalItemsCapped = Boolean.TRUE.equals(totalItemsCapped);
        }

        /** Whether a page follows page {@code number} (counted from 1). */
        public boolean hasPageAfter(int number) {
            return number < totalPages || totalItemsCapped;
        }
    }

    /** People in proposals are shown by the naming rule: a citizen's login id and name only with their consent. */
    public record ProposalSummary(String id, String title, String serviceArea, String status, int revision, String authorId,
                                  String authorName, int coDesigners, Instant createdAt, Instant updatedAt, Instant submittedAt) {
    }

    public record ProposalDetail(String id, String status, String authorId, String authorName, Revision current, List<Revision> revisions,
                                 List<CoDesigner> coDesigners, List<StatusChange> statusHistory, String caseId, Money allocated,
                                 Instant createdAt, Instant updatedAt) {

        public ProposalDetail {
            revisions = revisions == null ? List.of() : revisions;
            coDesigners = coDesigners == null ? List.of() : coDesigners;
            statusHistory = statusHistory == null ? List.of() : statusHistory;
        }

        public boolean isDraft() {
            return "DRAFT".equals(status);
        }

        public boolean isOpenForEndorsement() {
            return "SUBMITTED".equals(status) || "UNDER_DECISION".equals(status);
        }

        /** Whether this person shaped it: the author, or a co-designer who joined (everyone reads themselves by their own id). */
        public boolean isCoDesigner(String subject) {
            return subject != null && (subject.equals(authorId) || coDesigners.stream()
                    .anyMatch(coDesigner -> subject.equals(coDesigner.participantId()) && "JOINED".equals(coDesigner.state())));
        }

        public boolean isInvited(String subject) {
            return subject != null && coDesigners.stream()
                    .anyMatch(coDesigner -> subject.equals(coDesigner.participantId()) && "INVITED".equals(coDesigner.state()));
        }
    }

    public record Revision(int revision, ProposalContent content, String actorId, String actorName, Role actorRole, String note, Instant recordedAt) {
    }

    public record CoDesigner(String participantId, String name, Role role, String brings, String state, Instant invitedAt, Instant joinedAt) {
    }

    public record StatusChange(String status, String actorId, String actorName, Role actorRole, String reason, String caseId, Instant at) {
    }

    public record Participation(String proposalId, String title, String stage, int endorsementCount, List<Endorsement> endorsements,
                                PledgeTotals pledgeTotals, List<Pledge> pledges, List<Workshop> workshops) {

        public static final Participation NONE = new Participation(null, null, null, 0, List.of(), new PledgeTotals(0, 0, 0, 0, 0),
                List.of(), List.of());

        public Participation {
            endorsements = endorsements == null ? List.of() : endorsements;
            pledges = pledges == null ? List.of() : pledges;
            workshops = workshops == null ? List.of() : workshops;
            pledgeTotals = pledgeTotals == null ? new PledgeTotals(0, 0, 0, 0, 0) : pledgeTotals;
        }
    }

    public record Endorsement(String name, String reason, Instant at) {
    }

    public record PledgeTotals(int pledges, int hoursPerMonth, int skills, int places, int other) {
    }

    public record Pledge(String id, String name, AssetKind kind, String description, Integer hoursPerMonth, Instant at) {
    }

    public record Workshop(String id, String title, Instant startsAt, String place, boolean online, String organiser, int registered,
                           int attended, List<String> attendees, List<Contribution> contributions) {

        public Workshop {
            attendees = attendees == null ? List.of() : attendees;
            contributions = contributions == null ? List.of() : contributions;
        }
    }

    public record Contribution(String name, String idea, Instant at) {
    }

    public record OwnProfile(String participantId, String displayName, String publicName, boolean namedPublicly, List<String> roles,
                             String neighbourhood, String offers, Boolean livesLocally, Boolean usesServices, boolean contactable,
                             String contactEmail) {
    }

    public record Activity(String kind, String proposalId, String workshopId, String text, AssetKind assetKind, Integer hoursPerMonth,
                           boolean active, Instant at) {
    }

    public record InitiativeSummary(String id, String proposalId, String title, String serviceArea, String status, Money funding,
                                    String providerId, String providerName, Instant startedAt, Instant updatedAt) {
    }

    public record FramingAdvice(List<Finding> findings, List<String> strengthsNamed, boolean deficitOnly) {

        public FramingAdvice {
            findings = findings == null ? List.of() : findings;
            strengthsNamed = strengthsNamed == null ? List.of() : strengthsNamed;
        }
    }

    public record Finding(String found, int start, int end, String deficit, List<String> assetBased, String why) {
    }

    /** The public decision register, as the audit service gives it: names already by the naming rule, no person's id. */
    public record Register(Instant generatedAt, List<RegisteredDecision> decisions) {

        public Register {
            decisions = decisions == null ? List.of() : decisions;
        }
    }

    public record RegisteredDecision(String caseId, String proposalId, String title, String serviceArea, String aspiration, Money asked,
                                     String outcome, Instant decidedAt, String closedBy, List<PanelSeat> panel, String fund,
                                     Money allocated, Money fundRemaining, String summary, RegisteredInitiative initiative) {

        public RegisteredDecision {
            panel = panel == null ? List.of() : panel;
        }

        public long votes(String vote) {
            return panel.stream().filter(seat -> vote.equals(seat.vote())).count();
        }

        public long seated(boolean commissioners) {
            return panel.stream().filter(seat -> "COMMISSIONER".equals(seat.role()) == commissioners).count();
        }

        public long recused() {
            return panel.stream().filter(PanelSeat::recused).count();
        }
    }

    public record PanelSeat(String name, String role, boolean chair, boolean declared, String interest, boolean recused, String vote,
                            String rationale) {
    }

    public record RegisteredInitiative(String title, String status, String provider, Money funding, Instant startedAt,
                                       java.math.BigDecimal hoursGiven, List<java.time.LocalDate> reviewDates,
                                       List<RegisteredIndicator> indicators) {

        public RegisteredInitiative {
            reviewDates = reviewDates == null ? List.of() : reviewDates;
            indicators = indicators == null ? List.of() : indicators;
        }
    }

    public record RegisteredIndicator(String name, String unit, java.math.BigDecimal baseline, java.math.BigDecimal target,
                                      String direction, java.math.BigDecimal latest, java.time.LocalDate observedOn) {
    }

    public record Fund(String fundId, String name, String serviceArea, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount,
                       BigDecimal remaining, String currency, List<String> holderIds) {

        public Fund {
            holderIds = holderIds == null ? List.of() : holderIds;
        }

        public BigDecimal allocated() {
            return amount == null || remaining == null ? BigDecimal.ZERO : amount.subtract(remaining);
        }
    }

    public record CaseSummary(String caseId, String proposalId, String title, String serviceArea, String status, Instant deadline,
                              String outcome) {
    }

    /** One step of a case's timeline; {@code detail} is the event recorded, as the commissioning service stored it. */
    public record CaseEntry(String kind, String actorId, String actorRole, JsonNode detail, Instant at) {
    }

    public record CitizenEndorsement(String name, String reason) {
    }

    public record CitizenPledge(String name, AssetKind kind, String description, Integer hoursPerMonth) {
    }

    public record WhatCitizensSaid(int endorsementCount, List<CitizenEndorsement> endorsements, int pledges, int hoursPerMonth, int skills,
                                   int places, List<CitizenPledge> pledgeList) {

        public static final WhatCitizensSaid NOTHING = new WhatCitizensSaid(0, List.of(), 0, 0, 0, 0, List.of());

        public WhatCitizensSaid {
            endorsements = endorsements == null ? List.of() : endorsements;
            pledgeList = pledgeList == null ? List.of() : pledgeList;
        }
    }

    public record DecisionCase(String caseId, String proposalId, String title, String serviceArea, String status, Instant deadline,
                               String chairId, String fundId, Money amount, String outcome, DecisionReached decision,
                               ProposalSubmitted proposalAsSubmitted, WhatCitizensSaid whatCitizensSaid, List<CaseEntry> timeline) {

        public DecisionCase {
            whatCitizensSaid = whatCitizensSaid == null ? WhatCitizensSaid.NOTHING : whatCitizensSaid;
            timeline = timeline == null ? List.of() : timeline;
        }
    }

    public record Initiative(String id, String proposalId, String caseId, String title, String serviceArea, String status, Money funding,
                             Provider provider, List<LocalDate> reviewDates, List<Indicator> indicators, List<Report> reports,
                             Assets assets, List<Review> reviews, Instant startedAt, Instant updatedAt) {

        public Initiative {
            reviewDates = reviewDates == null ? List.of() : reviewDates;
            indicators = indicators == null ? List.of() : indicators;
            reports = reports == null ? List.of() : reports;
            reviews = reviews == null ? List.of() : reviews;
            assets = assets == null ? new Assets(List.of(), List.of(), 0, 0, 0, BigDecimal.ZERO) : assets;
        }

        public boolean isClosed() {
            return "ACHIEVED".equals(status) || "STOPPED".equals(status);
        }
    }

    public record Provider(String id, String name) {
    }

    public record Indicator(String indicatorId, String name, boolean defined, String unit, BigDecimal baseline, BigDecimal target,
                            Direction direction, List<Point> series, BigDecimal latest, BigDecimal progress, Boolean met,
                            List<Point> livedExperience) {

        public Indicator {
            series = series == null ? List.of() : series;
            livedExperience = livedExperience == null ? List.of() : livedExperience;
        }
    }

    public record Point(LocalDate observedOn, LocalDate reportedOn, BigDecimal value, boolean livedExperience, String reportId) {
    }

    public record Report(String reportId, LocalDate observedOn, LocalDate reportedOn, boolean livedExperience, String reporterId,
                         Role reporterRole, String narrative, List<IndicatorReading> readings) {

        public Report {
            readings = readings == null ? List.of() : readings;
        }
    }

    public record Assets(List<Pledged> pledged, List<Given> given, int pledgesExpected, int pledgesFulfilled, int pledgedHoursPerMonth,
                         BigDecimal hoursGiven) {

        public Assets {
            pledged = pledged == null ? List.of() : pledged;
            given = given == null ? List.of() : given;
        }
    }

    public record Pledged(String pledgeId, String participantId, String publicName, AssetKind kind, String description,
                          Integer hoursPerMonth, boolean released, boolean fulfilled) {
    }

    public record Given(String mobilisationId, String pledgeId, String participantId, String publicName, AssetKind kind,
                        String description, BigDecimal hours, LocalDate givenOn, String recordedBy, Role recordedAs) {
    }

    public record Review(ReviewStatus status, String reason, String overrideReason, String reviewerId, Instant reviewedAt) {
    }

    public record PublicProfile(String participantId, String name) {
    }

    private Api() {
    }
}
