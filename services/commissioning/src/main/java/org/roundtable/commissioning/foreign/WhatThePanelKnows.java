package org.roundtable.commissioning.foreign;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.participation.EndorsementWithdrawn;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps, from other services' events, what a panel needs to know of a proposal: the proposal as submitted and what
 * citizens said and offered. It reads them as the inbox kept them in this service's event store, so a reset of its
 * processor rebuilds it from that history.
 */
@Component
@ProcessingGroup(WhatThePanelKnows.PROCESSING_GROUP)
public class WhatThePanelKnows {

    public static final String PROCESSING_GROUP = "what-the-panel-knows";
    /** Who pledged, kept so that the name shown follows their consent; never shown itself. */
    public static final String PLEDGED_BY = "pledgedBy";

    private static final TypeReference<LinkedHashMap<String, Map<String, Object>>> DOCUMENTS = new TypeReference<>() {
    };

    private final KnownProposalViews proposals;
    private final ObjectMapper json;

    WhatThePanelKnows(KnownProposalViews proposals, @Qualifier("eventJson") ObjectMapper json) {
        this.proposals = proposals;
        this.json = json;
    }

    @ResetHandler
    void forgetAll() {
        proposals.deleteAllInBatch();
    }

    @EventHandler
    void on(ProposalSubmitted submitted) {
        KnownProposalView known = known(submitted.proposalId());
        known.submitted = write(submitted);
        proposals.save(known);
    }

    @EventHandler
    void on(EndorsementGiven given) {
        KnownProposalView known = known(given.proposalId());
        Map<String, Object> endorsement = new LinkedHashMap<>();
        endorsement.put("name", given.publicName());
        endorsement.put("reason", given.reason());
        known.endorsements = change(known.endorsements, all -> all.put(given.participantId(), endorsement));
        proposals.save(known);
    }

    @EventHandler
    void on(EndorsementWithdrawn withdrawn) {
        KnownProposalView known = known(withdrawn.proposalId());
        known.endorsements = change(known.endorsements, all -> all.remove(withdrawn.participantId()));
        proposals.save(known);
    }

    @EventHandler
    void on(AssetPledged pledged) {
        KnownProposalView known = known(pledged.proposalId());
        Map<String, Object> pledge = new LinkedHashMap<>();
        pledge.put("name", pledged.publicName());
        pledge.put(PLEDGED_BY, pledged.participantId());
        pledge.put("kind", pledged.kind().name());
        pledge.put("description", pledged.description());
        pledge.put("hoursPerMonth", pledged.hoursPerMonth());
        known.pledges = change(known.pledges, all -> all.put(pledged.pledgeId(), pledge));
        proposals.save(known);
    }

    @EventHandler
    void on(PledgeWithdrawn withdrawn) {
        KnownProposalView known = known(withdrawn.proposalId());
        known.pledges = change(known.pledges, all -> all.remove(withdrawn.pledgeId()));
        proposals.save(known);
    }

    private KnownProposalView known(String proposalId) {
        return proposals.findById(proposalId).orElseGet(() -> new KnownProposalView(proposalId));
    }

    private String change(String documents, Consumer<Map<String, Map<String, Object>>> change) {
        try {
            Map<String, Map<String, Object>> all = json.readValue(documents, DOCUMENTS);
            change.accept(all);
            return json.writeValueAsString(all);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
