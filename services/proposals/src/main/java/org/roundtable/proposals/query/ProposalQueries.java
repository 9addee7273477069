package org.roundtable.proposals.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.criteria.Predicate;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.kit.web.PageOf;
import org.roundtable.proposals.domain.ProposalStatus;
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

/** Reads the proposals read model. */
@Service
@Transactional(readOnly = true)
public class ProposalQueries {

    private final ProposalViews proposals;
    private final RevisionViews revisions;
    private final CoDesignerViews coDesigners;
    private final StatusChangeViews statusChanges;
    private final ObjectMapper json;

    ProposalQueries(ProposalViews proposals, RevisionViews revisions, CoDesignerViews coDesigners, StatusChangeViews statusChanges,
                    @Qualifier("eventJson") ObjectMapper json) {
        this.proposals = proposals;
        this.revisions = revisions;
        this.coDesigners = coDesigners;
        this.statusChanges = statusChanges;
        this.json = json;
    }

    /** Proposals matching every given filter (each optional), a page at a time. */
    public PageOf<ProposalSummary> list(ProposalStatus status, String serviceArea, String text, int page, int size, Sort sort) {
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
        return PageOf.of(proposals.findAll(matching, PageRequest.of(page, size, sort.and(Sort.by("proposalId")))), ProposalSummary::of);
    }

    public Optional<ProposalDetail> detail(String proposalId) {
        return proposals.findById(proposalId).map(view -> {
            List<ProposalDetail.Revision> all = revisions.findByProposalIdOrderByRevision(proposalId).stream().map(this::revision).toList();
            ProposalDetail.Revision current = all.stream().filter(r -> r.revision() == view.getRevision()).findFirst().orElse(null);
            Money allocated = view.getAllocatedAmount() == null ? null : new Money(view.getAllocatedAmount(), view.getAllocatedCurrency());
            return new ProposalDetail(view.getProposalId(), view.getStatus(), view.getAuthorId(), current, all,
                    coDesigners.findByProposalIdOrderById(proposalId).stream()
                            .map(c -> new ProposalDetail.CoDesigner(c.getParticipantId(), c.getRole(), c.getBrings(), c.getState(),
                                    c.getInvitedAt(), c.getJoinedAt())).toList(),
                    statusChanges.findByProposalIdOrderById(proposalId).stream()
                            .map(s -> new ProposalDetail.StatusChange(s.getStatus(), s.getActorId(), s.getActorRole(), s.getReason(),
                                    s.getCaseId(), s.getChangedAt())).toList(),
                    view.getCaseId(), allocated, view.getCreatedAt(), view.getUpdatedAt());
        });
    }

    public Optional<ProposalDetail.Revision> revision(String proposalId, int revision) {
        return revisions.findByProposalIdAndRevision(proposalId, revision).map(this::revision);
    }

    private ProposalDetail.Revision revision(RevisionView view) {
        try {
            return new ProposalDetail.Revision(view.getRevision(), json.readValue(view.getContent(), ProposalContent.class),
                    view.getActorId(), view.getActorRole(), view.getNote(), view.getRecordedAt());
        } catch (IOException unreadable) {
            throw new UncheckedIOException("revision " + view.getRevision() + " of " + view.getProposalId() + " is unreadable", unreadable);
        }
    }
}
