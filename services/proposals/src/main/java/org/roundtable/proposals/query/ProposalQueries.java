package org.roundtable.proposals.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.roundtable.events.Role;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalStatus;
import org.roundtable.kit.names.PublicNames;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.kit.web.PageOf;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the proposals read model; people as {@code viewer} may see them (see {@link ProposalDetail}). */
@Service
@Transactional(readOnly = true)
public class ProposalQueries {

    private final ProposalViews proposals;
    private final RevisionViews revisions;
    private final CoDesignerViews coDesigners;
    private final StatusChangeViews statusChanges;
    private final ObjectMapper json;
    private final PublicNames names;
    private final NamedParameterJdbcTemplate jdbc;

    ProposalQueries(ProposalViews proposals, RevisionViews revisions, CoDesignerViews coDesigners, StatusChangeViews statusChanges,
                    @Qualifier("eventJson") ObjectMapper json, PublicNames names, NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.names = names;
        this.proposals = proposals;
        this.revisions = revisions;
        this.coDesigners = coDesigners;
        this.statusChanges = statusChanges;
        this.json = json;
    }

    /**
     * Proposals matching every given filter (each optional), a page at a time, read straight from the read model's
     * columns a summary shows; what matches is counted only as far as {@link PageOf#counted} needs, and the authors'
     * consents are read at once for the page.
     */
    public PageOf<ProposalSummary> list(ProposalStatus status, String serviceArea, String text, int page, int size, Sort sort,
                                        String viewer) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("status = :status");
            parameters.addValue("status", status.name());
        }
        if (serviceArea != null && !serviceArea.isBlank()) {
            conditions.add("service_area = :serviceArea");
            parameters.addValue("serviceArea", serviceArea.strip().toLowerCase(Locale.ROOT));
        }
        if (text != null && !text.isBlank()) {
            conditions.add("(lower(title) like :pattern escape '\\' or lower(aspiration) like :pattern escape '\\')");
            parameters.addValue("pattern",
                    "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        List<Row> rows = jdbc.query("select proposal_id, title, service_area, status, revision, author_id, author_role, co_designers, "
                        + "created_at, updated_at, submitted_at from proposal_view" + where + " order by " + orderOf(sort)
                        + " limit :size offset :offset",
                new MapSqlParameterSource(parameters.getValues()).addValue("size", size).addValue("offset", (long) page * size),
                (result, number) -> new Row(result.getString(1), result.getString(2), result.getString(3),
                        ProposalStatus.valueOf(result.getString(4)), result.getInt(5), result.getString(6), roleOf(result.getString(7)),
                        result.getInt(8), instant(result, 9), instant(result, 10), instant(result, 11)));
        PublicNames authors = names.knowing(rows.stream().map(Row::authorId).toList());
        List<ProposalSummary> items = rows.stream().map(row -> row.summary(authors.seenBy(viewer, row.authorId(), row.authorRole()))).toList();
        return PageOf.counted(items, page, size, limit -> {
            Long counted = jdbc.queryForObject("select count(*) from (select 1 from proposal_view" + where + " limit :limit) matching",
                    new MapSqlParameterSource(parameters.getValues()).addValue("limit", limit), Long.class);
            return counted == null ? 0 : counted;
        });
    }

    /** The read model's column for each field a list sorts by, then by id so that pages never overlap. */
    private static String orderOf(Sort sort) {
        List<String> order = new ArrayList<>();
        for (Sort.Order by : sort) {
            String column = switch (by.getProperty()) {
                case "updatedAt" -> "updated_at";
                case "createdAt" -> "created_at";
                case "submittedAt" -> "submitted_at";
                case "title" -> "title";
                default -> throw new IllegalArgumentException("proposals are not sorted by " + by.getProperty());
            };
            order.add(column + (by.isAscending() ? " asc" : " desc"));
        }
        order.add("proposal_id asc");
        return String.join(", ", order);
    }

    private static Role roleOf(String role) {
        return role == null ? null : Role.valueOf(role);
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        Timestamp at = result.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private record Row(String id, String title, String serviceArea, ProposalStatus status, int revision, String authorId,
                       Role authorRole, int coDesigners, Instant createdAt, Instant updatedAt, Instant submittedAt) {

        ProposalSummary summary(PublicNames.Shown author) {
            return new ProposalSummary(id, title, serviceArea, status, revision, author.id(), author.name(), coDesigners,
                    createdAt, updatedAt, submittedAt);
        }
    }

    public Optional<ProposalDetail> detail(String proposalId, String viewer) {
        return proposals.findById(proposalId).map(view -> {
            List<ProposalDetail.Revision> all = revisions.findByProposalIdOrderByRevision(proposalId).stream()
                    .map(revision -> revision(revision, viewer)).toList();
            ProposalDetail.Revision current = all.stream().filter(r -> r.revision() == view.getRevision()).findFirst().orElse(null);
            Money allocated = view.getAllocatedAmount() == null ? null : new Money(view.getAllocatedAmount(), view.getAllocatedCurrency());
            PublicNames.Shown author = names.seenBy(viewer, view.getAuthorId(), view.getAuthorRole());
            return new ProposalDetail(view.getProposalId(), view.getStatus(), author.id(), author.name(), current, all,
                    coDesigners.findByProposalIdOrderById(proposalId).stream().map(c -> {
                        PublicNames.Shown coDesigner = names.seenBy(viewer, c.getParticipantId(), c.getRole());
                        return new ProposalDetail.CoDesigner(coDesigner.id(), coDesigner.name(), c.getRole(), c.getBrings(), c.getState(),
                                c.getInvitedAt(), c.getJoinedAt());
                    }).toList(),
                    statusChanges.findByProposalIdOrderById(proposalId).stream().map(s -> {
                        PublicNames.Shown actor = names.seenBy(viewer, s.getActorId(), s.getActorRole());
                        return new ProposalDetail.StatusChange(s.getStatus(), actor.id(), actor.name(), s.getActorRole(), s.getReason(),
                                s.getCaseId(), s.getChangedAt());
                    }).toList(),
                    view.getCaseId(), allocated, view.getCreatedAt(), view.getUpdatedAt());
        });
    }

    public Optional<ProposalDetail.Revision> revision(String proposalId, int revision, String viewer) {
        return revisions.findByProposalIdAndRevision(proposalId, revision).map(view -> revision(view, viewer));
    }

    private ProposalDetail.Revision revision(RevisionView view, String viewer) {
        try {
            PublicNames.Shown actor = names.seenBy(viewer, view.getActorId(), view.getActorRole());
            return new ProposalDetail.Revision(view.getRevision(), json.readValue(view.getContent(), ProposalContent.class),
                    actor.id(), actor.name(), view.getActorRole(), view.getNote(), view.getRecordedAt());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("revision " + view.getRevision() + " of " + view.getProposalId() + " is unreadable", unreadable);
        }
    }
}
