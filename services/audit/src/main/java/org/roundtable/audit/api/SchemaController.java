package org.roundtable.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.EventSchemas;
import org.roundtable.events.EventType;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.Require;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/** The JSON Schema of every published event type: what each record's CloudEvents {@code dataschema} points at. */
@RestController
@RequestMapping("/api/audit/schemas")
@Tag(name = "event schemas", description = "The JSON Schema of each event type's data, generated from the published language")
public class SchemaController {

    private final EventCatalog catalog;
    private final EventSchemas schemas;

    SchemaController(EventCatalog catalog, EventSchemas schemas) {
        this.catalog = catalog;
        this.schemas = schemas;
    }

    /** One published type and where its schema is. */
    public record SchemaLink(String type, String schema) {
    }

    @Operation(summary = "Every published event type, with the URI of its JSON Schema",
            description = "Open to anyone with a token, in any role: the schemas describe the published language, not its content.")
    @GetMapping
    List<SchemaLink> all() {
        return catalog.types().stream().sorted(Comparator.comparing(EventType::value))
                .map(type -> new SchemaLink(type.value(), schemas.uriOf(type).toString())).toList();
    }

    @Operation(summary = "The JSON Schema (draft 2020-12) of one event type's data",
            description = """
                    The schema a record of the type names in its CloudEvents `dataschema`: every field of the event \
                    record, primitive ones required, no other property allowed. 404 for a type that is not published.""")
    @GetMapping(value = "/{type}.json", produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    String schema(@Parameter(description = "the CloudEvents type, e.g. org.roundtable.commissioning.VoteCast.v1")
                                      @PathVariable String type) {
        String value = Require.text(type, "type", 200);
        EventType eventType = catalog.classOf(value).map(catalog::typeOf)
                .orElseThrow(() -> new NotFound("no event type " + value + " is published"));
        return schemas.schemaOf(eventType).toPrettyString();
    }
}
