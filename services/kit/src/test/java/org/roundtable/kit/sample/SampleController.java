package org.roundtable.kit.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.roundtable.kit.actor.Commands;
import org.roundtable.kit.authority.Sends;
import org.roundtable.kit.sample.SampleCommands.CreateSample;
import org.roundtable.kit.sample.SampleCommands.RenameSample;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/samples")
class SampleController {

    record NewSample(@NotBlank @Size(max = 100) String title, Integer size) {
    }

    record NewTitle(String title) {
    }

    private final Commands commands;
    private final SampleQueries queries;

    SampleController(Commands commands, SampleQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(CreateSample.class)
    Map<String, String> create(@Valid @RequestBody NewSample sample) {
        String id = UUID.randomUUID().toString();
        commands.send(new CreateSample(id, sample.title()));
        return Map.of("id", id);
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, String>> read(@PathVariable UUID id) {
        return ResponseEntity.of(queries.title(id.toString()).map(title -> Map.of("title", title)));
    }

    @GetMapping("/failure")
    void failure() {
        throw new IllegalStateException("a failure nobody foresaw");
    }

    @PutMapping("/{id}/title")
    @Sends(RenameSample.class)
    void rename(@PathVariable UUID id, @RequestBody NewTitle title) {
        commands.send(new RenameSample(id.toString(), title.title()));
    }
}
