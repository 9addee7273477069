package org.roundtable.proposals.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.criteria.Predicate;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalStatus;
import org.roundtable.kit.names.PublicNames;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.kit.web.PageOf;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    ProposalQueries(ProposalViews proposals, RevisionViews revisions, CoDesignerViews coDesigners, StatusChangeViews statusChanges,
                    @Qualifier("eventJson") ObjectMapper json, PublicNames names) {
        this.names = names;
        this.proposals = proposals;
        this.revisions = revisions;
        this.coDesigners = coDesigners;
        this.statusChanges = statusChanges;
        this.json = json;
    }

    /** Proposals matching every given filter (each optional), a page at a time. */
    public PageOf<ProposalSummary> list(ProposalStatus status, String serviceArea, String text, int page, int size, Sort sort,
                                        String viewer) {
        Specification<ProposalView> matching = (root, query, criteria) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (status != null) {
                predicates.add(criteria.equal(root.get("status"), status));
            }
            if (serviceArea != null && !serviceArea.isBlank()) {
                predicates.add(criteria.equal(root.get("serviceArea"), serviceArea.strip().toLowerCase(Locale.ROOT)));
            }
            if (text != null && !text.isBlank()) {
                String pattern = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                predicates.add(criteria.or(
                        criteria.like(criteria.lower(root.get("title")), pattern, '\\'),
                        criteria.like(criteria.lower(root.get("aspiration")), pattern, '\\')));
            }
            return criteria.and(predicates.toArray(Predicate[]::new));
        };
        return PageOf.of(proposals.findAll(matching, PageRequest.of(page, size, sort.and(Sort.by("proposalId")))),
                view -> ProposalSummary.of(view, names.seenBy(viewer, view.getAuthorId(), view.getAuthorRole())));
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
