package org.roundtable.participation.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.roundtable.kit.actor.Commands;
import org.roundtable.kit.authority.Sends;
import org.roundtable.kit.actor.RequestActors;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.Require;
import org.roundtable.participation.api.ParticipationRequests.AttendanceForm;
import org.roundtable.participation.api.ParticipationRequests.ContributionForm;
import org.roundtable.participation.api.ParticipationRequests.Created;
import org.roundtable.participation.api.ParticipationRequests.EndorsementForm;
import org.roundtable.participation.api.ParticipationRequests.OwnProfile;
import org.roundtable.participation.api.ParticipationRequests.PledgeForm;
import org.roundtable.participation.api.ParticipationRequests.ProfileForm;
import org.roundtable.participation.api.ParticipationRequests.WorkshopForm;

import org.roundtable.participation.domain.ParticipationCommands.CorrectProfile;
import org.roundtable.participation.domain.ParticipationCommands.Endorse;
import org.roundtable.participation.domain.ParticipationCommands.MarkAttended;
import org.roundtable.participation.domain.ParticipationCommands.PledgeAsset;
import org.roundtable.participation.domain.ParticipationCommands.ProfileDetails;
import org.roundtable.participation.domain.ParticipationCommands.RecordContribution;
import org.roundtable.participation.domain.ParticipationCommands.RegisterForWorkshop;
import org.roundtable.participation.domain.ParticipationCommands.RegisterProfile;
import org.roundtable.participation.domain.ParticipationCommands.ScheduleWorkshop;
import org.roundtable.participation.domain.ParticipationCommands.ToldPrivately;
import org.roundtable.participation.domain.ParticipationCommands.WithdrawEndorsement;
import org.roundtable.participation.domain.ParticipationCommands.WithdrawPledge;
import org.roundtable.kit.names.Pseudonyms;
import org.roundtable.participation.privately.PrivateDetails;
import org.roundtable.participation.privately.PrivateDetailsRepository;
import org.roundtable.participation.query.ParticipationQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Profiles, endorsements, asset pledges and workshops. Names shown are public names; contact details only to their owner. */
@RestController
@RequestMapping("/api/participation")
@Tag(name = "participation", description = "Profiles, endorsements, asset pledges and co-design workshops")
public class ParticipationController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Commands commands;
    private final RequestActors actors;
    private final ParticipationQueries queries;
    private final PrivateDetailsRepository privateDetails;
    private final Pseudonyms pseudonyms;

    ParticipationController(Commands commands, RequestActors actors, ParticipationQueries queries,
                            PrivateDetailsRepository privateDetails, Pseudonyms pseudonyms) {
        this.commands = commands;
        this.actors = actors;
        this.queries = queries;
        this.privateDetails = privateDetails;
        this.pseudonyms = pseudonyms;
    }

    @Operation(summary = "Register or correct your own profile, with your consent to be named and to be contacted")
    @PutMapping("/profile")
    @Sends(RegisterProfile.class)
    @Transactional
    ResponseEntity<Void> saveProfile(@RequestBody ProfileForm form) {
        String me = me();
        String displayName = Require.text(form.displayName(), "displayName", 80);
        String email = Require.optionalText(form.contactEmail(), "contactEmail", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInput("contactEmail", "contactEmail is not an email address");
        }
        if (form.reachable() && email == null) {
            throw new InvalidInput("contactEmail", "to be contacted, give a contactEmail");
        }
        if (form.roles() != null) {
            form.roles().stream().filter(role -> role != null && !actors.heldRoles().contains(role)).findFirst().ifPresent(role -> {
                throw new NotPermitted("a profile claims only roles the token holds; it does not hold " + role);
            });
        }
        ProfileDetails details = new ProfileDetails(form.named() ? displayName : pseudonyms.of(me), form.named(),
                form.roles(), form.neighbourhood(), form.offers(), form.livesLocally(), form.usesServices(), form.reachable());
        boolean registered = privateDetails.existsById(me);
        ToldPrivately told = new ToldPrivately(displayName, form.reachable() ? email : null);
        if (registered) {
            commands.send(new CorrectProfile(me, details, told));
        } else {
            commands.send(new RegisterProfile(me, details, told));
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Your own profile, as you told it")
    @GetMapping("/profile")
    OwnProfile ownProfile() {
        String me = profileHolder();
        PrivateDetails own = privateDetails.findById(me).orElseThrow(() -> new NotFound("you have no profile yet"));
        ParticipationQueries.PublicProfile shown = queries.profile(me, me).orElse(null);
        return new OwnProfile(me, own.getDisplayName(), queries.publicName(me), shown != null && shown.namedPublicly(),
                shown == null ? List.of() : shown.roles(), shown == null ? null : shown.neighbourhood(), shown == null ? null : shown.offers(),
                shown == null ? null : shown.livesLocally(), shown == null ? null : shown.usesServices(), own.getContactEmail() != null,
                own.getContactEmail());
    }

    @Operation(summary = "Someone's public profile", description = """
            By the id public views show: a citizen's pseudonymous id (`neighbour-…`) while they do not consent to be named, \
            their login id while they do. A login id of someone who does not consent finds nothing (404), except your own.""")
    @GetMapping("/participants/{participantId}")
    ParticipationQueries.PublicProfile publicProfile(@PathVariable String participantId) {
        String viewer = actors.subjectId().orElse(null);
        return queries.profile(participantId, viewer).orElseThrow(() -> new NotFound("no profile for " + Require.excerpt(participantId)));
    }

    @Operation(summary = "What the community did around a proposal: endorsements, pledges summed by kind, workshops")
    @GetMapping("/proposals/{proposalId}")
    ParticipationQueries.ProposalParticipation forProposal(@PathVariable UUID proposalId) {
        return queries.forProposal(proposalId.toString()).orElseThrow(() -> new NotFound("no proposal " + proposalId + " is known here"));
    }

    @Operation(summary = "Endorse a submitted proposal, saying what you care enough about to change")
    @PostMapping("/proposals/{proposalId}/endorsements")
    @Sends(Endorse.class)
    ResponseEntity<Void> endorse(@PathVariable UUID proposalId, @RequestBody(required = false) EndorsementForm form) {
        send(proposalId, new Endorse(proposalId.toString(), queries.publicName(me()), form == null ? null : form.reason()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Withdraw your endorsement")
    @DeleteMapping("/proposals/{proposalId}/endorsements/mine")
    @Sends(WithdrawEndorsement.class)
    ResponseEntity<Void> withdrawEndorsement(@PathVariable UUID proposalId) {
        send(proposalId, new WithdrawEndorsement(proposalId.toString()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Pledge an asset: hours of time per month, a skill, a place or another strength")
    @PostMapping("/proposals/{proposalId}/pledges")
    @Sends(PledgeAsset.class)
    ResponseEntity<Created> pledge(@PathVariable UUID proposalId, @RequestBody PledgeForm form) {
        String id = UUID.randomUUID().toString();
        send(proposalId, new PledgeAsset(proposalId.toString(), id, queries.publicName(me()), form.kind(), form.description(), form.hoursPerMonth()));
        return ResponseEntity.created(URI.create("/api/participation/proposals/" + proposalId + "/pledges/" + id)).body(new Created(id));
    }

    @Operation(summary = "Withdraw one of your pledges")
    @DeleteMapping("/proposals/{proposalId}/pledges/{pledgeId}")
    @Sends(WithdrawPledge.class)
    ResponseEntity<Void> withdrawPledge(@PathVariable UUID proposalId, @PathVariable UUID pledgeId) {
        send(proposalId, new WithdrawPledge(proposalId.toString(), pledgeId.toString()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A co-designer schedules a co-design workshop, at a place or online")
    @PostMapping("/proposals/{proposalId}/workshops")
    @Sends(ScheduleWorkshop.class)
    ResponseEntity<Created> schedule(@PathVariable UUID proposalId, @RequestBody WorkshopForm form) {
        String id = UUID.randomUUID().toString();
        send(proposalId, new ScheduleWorkshop(proposalId.toString(), id, form.title(), form.startsAt(), form.place(), form.isOnline()));
        return ResponseEntity.created(URI.create("/api/participation/proposals/" + proposalId + "/workshops/" + id)).body(new Created(id));
    }

    @Operation(summary = "Register for a workshop")
    @PostMapping("/proposals/{proposalId}/workshops/{workshopId}/registrations")
    @Sends(RegisterForWorkshop.class)
    ResponseEntity<Void> register(@PathVariable UUID proposalId, @PathVariable UUID workshopId) {
        send(proposalId, new RegisterForWorkshop(proposalId.toString(), workshopId.toString(), queries.publicName(me())));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A co-designer marks a registered participant as attended")
    @PostMapping("/proposals/{proposalId}/workshops/{workshopId}/attendance")
    @Sends(MarkAttended.class)
    ResponseEntity<Void> attended(@PathVariable UUID proposalId, @PathVariable UUID workshopId, @RequestBody AttendanceForm form) {
        send(proposalId, new MarkAttended(proposalId.toString(), workshopId.toString(), Require.text(form.participantId(), "participantId", 200)));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Record an idea contributed at a workshop")
    @PostMapping("/proposals/{proposalId}/workshops/{workshopId}/contributions")
    @Sends(RecordContribution.class)
    ResponseEntity<Created> contribute(@PathVariable UUID proposalId, @PathVariable UUID workshopId, @RequestBody ContributionForm form) {
        String id = UUID.randomUUID().toString();
        send(proposalId, new RecordContribution(proposalId.toString(), workshopId.toString(), id, queries.publicName(me()), form.idea()));
        return ResponseEntity.status(201).body(new Created(id));
    }

    @Operation(summary = "Your own participation: endorsements, pledges, workshops and contributions")
    @GetMapping("/me/activity")
    List<ParticipationQueries.Activity> myActivity() {
        return queries.activityOf(profileHolder());
    }

    private void send(UUID proposalId, Object command) {
        try {
            commands.send(command);
        } catch (AggregateNotFoundException unknown) {
            throw new NotFound("no proposal " + proposalId + " is known here");
        }
    }

    /** Who sent the request; an endpoint that {@link Sends} a command has let in only the roles the command declares. */
    private String me() {
        return actors.subjectId().orElseThrow(() -> new NotPermitted("an authenticated actor is required"));
    }

    /** Who reads their own profile and participation: whoever may keep a profile. */
    private String profileHolder() {
        return actors.sending(RegisterProfile.class).subjectId();
    }

}
