package org.roundtable.kit.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.roundtable.events.Role;
import org.roundtable.kit.RoundtableProperties;
import org.roundtable.kit.authority.OpenTo;
import org.roundtable.kit.authority.OpenToInterceptor;
import org.roundtable.kit.idempotency.IdempotencyFilter;
import org.roundtable.kit.idempotency.IdempotentRequests;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.util.List;

import java.util.Objects;
import java.util.stream.Collectors;

/** Each service documents its API at {@code /v3/api-docs}, secured by bearer JWTs. */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI roundtableOpenApi(RoundtableProperties properties) {
        return new OpenAPI()
                .info(new Info().title("Roundtable " + properties.service()).version("v1")
                        .description("Every request needs a bearer JWT; refusals are RFC 9457 problem+json."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                // relative, so that no Host header a caller sends is ever echoed back as the API's address
                .servers(List.of(new Server().url("/").description("where this document was read: through the gateway")));
    }

    /** An endpoint {@link OpenTo} some roles says so at the end of its description, from that one declaration. */
    @Bean
    OperationCustomizer rolesAnEndpointIsOpenTo() {
        return (operation, endpoint) -> {
            OpenToInterceptor.rolesOf(endpoint).ifPresent(roles -> {
                String openTo = "Open to " + roles.stream().map(Role::name).collect(Collectors.joining(" or ")) + ".";
                String description = operation.getDescription();
                operation.setDescription(description == null || description.isBlank() ? openTo : description + "\n\n" + openTo);
            });
            return operation;
        };
    }

    /** Every POST takes an {@code Idempotency-Key}; its answers for a retry are documented beside the operation's own. */
    @Bean
    OpenApiCustomizer idempotencyKeyOnEveryPost() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().stream().map(PathItem::getPost).filter(Objects::nonNull).forEach(post -> {
                post.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .description("A key of your choosing (1 to " + IdempotencyFilter.MAX_KEY_LENGTH + " printable ASCII characters, "
                                + "such as a UUID), unique per request. Retrying with the same key and the same request returns the "
                                + "first answer (marked " + IdempotencyFilter.REPLAYED + ": true) and changes nothing; keys are kept for "
                                + IdempotentRequests.KEPT_FOR.toHours() + " hours and belong to the caller.")
                        .schema(new StringSchema().maxLength(IdempotencyFilter.MAX_KEY_LENGTH)));
                ApiResponses responses = post.getResponses() == null ? new ApiResponses() : post.getResponses();
                responses.putIfAbsent("409", new ApiResponse().description(
                        "A request with this Idempotency-Key is still being carried out, or the current state does not allow it"));
                responses.putIfAbsent("422", new ApiResponse().description("This Idempotency-Key was used for a different request"));
                post.setResponses(responses);
            });
        };
    }
}
