package org.roundtable.kit.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.OpenTo;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.inbox.InboxDeadLetters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The operator's view of the events this service could not handle: those its projections and relay set aside
 * (per processing group) and the other services' records its inbox set aside. Auditors see and replay them: a replay
 * records no new fact, it lets a read model, the relay or the inbox catch up with facts already recorded.
 */
@RestController
@RequestMapping("/api/${roundtable.service}/operations/dead-letters")
@OpenTo(Role.AUDITOR)
@Tag(name = "Operations", description = "Events set aside because a projection, the relay or the inbox could not handle them")
public class DeadLetterController {

    private final DeadLetterOperations processingGroups;
    private final ObjectProvider<InboxDeadLetters> inbox;

    public DeadLetterController(DeadLetterOperations processingGroups, ObjectProvider<InboxDeadLetters> inbox) {
        this.processingGroups = processingGroups;
        this.inbox = inbox;
    }

    /**
     * @param processingGroups every processing group with a dead-letter queue
     * @param inbox            the inbox's dead letters, absent when this service has no inbox
     */
    public record DeadLetterReport(List<DeadLetterOperations.ProcessingGroupDeadLetters> processingGroups, InboxDeadLetters.Pending inbox) {
    }

    @GetMapping
    @Operation(summary = "Every dead letter of this service, with the cause of each failure")
    public DeadLetterReport report() {
        InboxDeadLetters deadInbox = inbox.getIfAvailable();
        return new DeadLetterReport(processingGroups.list(), deadInbox == null ? null : deadInbox.list());
    }

    @GetMapping("/processing-groups/{processingGroup}")
    @Operation(summary = "One processing group's dead letters")
    public DeadLetterOperations.ProcessingGroupDeadLetters processingGroup(@PathVariable String processingGroup) {
        return processingGroups.list(processingGroup);
    }

    @PostMapping("/processing-groups/{processingGroup}/replay")
    @Operation(summary = "Hand the group's dead letters to its handlers again, after a fix; each aggregate's events in order")
    public DeadLetterOperations.Replay replayProcessingGroup(@PathVariable String processingGroup) {
        return processingGroups.replay(processingGroup);
    }

    @GetMapping("/inbox")
    @Operation(summary = "The other services' records the inbox set aside and not yet replayed")
    public InboxDeadLetters.Pending inbox() {
        return inboxDeadLetters().list();
    }

    @PostMapping("/inbox/replay")
    @Operation(summary = "Hand the inbox's dead letters to it again, after a fix; an event handled before changes nothing")
    public InboxDeadLetters.Replay replayInbox() {
        return inboxDeadLetters().replay();
    }

    private InboxDeadLetters inboxDeadLetters() {
        InboxDeadLetters deadInbox = inbox.getIfAvailable();
        if (deadInbox == null) {
            throw new NotFound("this service has no inbox");
        }
        return deadInbox;
    }
}
