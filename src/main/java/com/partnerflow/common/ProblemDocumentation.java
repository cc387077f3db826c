package com.partnerflow.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Documents every refusal the way {@link ProblemResponses} answers it: one shared {@code Problem}
 * schema ({@code application/problem+json}, {@code errors[]} of {@link FieldProblem} for bad
 * input). An operation declares only its own refusals and when they happen, e.g.
 * {@code @ApiResponse(responseCode = "404", description = "…")}; this sets their content to the
 * problem, and adds the {@code 413} that {@link RequestSizeLimit} answers to every operation that
 * takes a body.
 */
@Component
class ProblemDocumentation implements OpenApiCustomizer {

  private static final JsonNode EXAMPLE =
      read(
          """
          {"type":"about:blank","title":"Invalid request","status":400,
           "detail":"The request has invalid fields","instance":"/api/mdf-requests",
           "errors":[{"field":"endDate","message":"must not be before startDate"}]}""");

  private final long maxRequestBytes;

  ProblemDocumentation(@Value("${partnerflow.api.max-request-bytes:1048576}") long maxBytes) {
    this.maxRequestBytes = maxBytes;
  }

  @Override
  public void customise(OpenAPI openApi) {
    openApi.getComponents().addSchemas(ApiProblems.FIELD_PROBLEM, fieldProblemSchema());
    openApi.getComponents().addSchemas(ApiProblems.PROBLEM, problemSchema());
    if (openApi.getPaths() == null) {
      return;
    }
    for (PathItem path : openApi.getPaths().values()) {
      for (Operation operation : path.readOperations()) {
        ApiResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null && !responses.containsKey("413")) {
          responses.addApiResponse(
              "413",
              ApiProblems.response(
                  "The request body is larger than " + maxRequestBytes + " bytes"));
        }
        responses.forEach(ProblemDocumentation::problemContent);
      }
    }
  }

  /**
   * A refusal is always a problem: springdoc gives a declared {@code @ApiResponse} the success
   * type's content, which a refusal never has.
   */
  private static void problemContent(String status, ApiResponse response) {
    boolean refusal = status.startsWith("4") || status.startsWith("5");
    if (refusal
        && (response.getContent() == null
            || !response.getContent().containsKey(ApiProblems.MEDIA_TYPE))) {
      response.setContent(ApiProblems.content());
    }
  }

  private static Schema<?> fieldProblemSchema() {
    return new ObjectSchema()
        .description("One reason a request was refused")
        .addProperty(
            "field",
            new StringSchema()
                .description(
                    "The JSON path of the field (`milestones[0].name`), the query parameter, or"
                        + " empty for the request as a whole")
                .example("endDate"))
        .addProperty(
            "message",
            new StringSchema()
                .description("Why it was refused")
                .example("must not be before startDate"))
        .required(List.of("field", "message"));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description(
            "Every refusal (RFC 9457 problem details, `application/problem+json`). Bad input (400)"
                + " lists each field with its reason in `errors[]`; a throttled sign-in (429) says"
                + " in `retryAfterSeconds` when to try again.")
        .addProperty(
            "type",
            new StringSchema()
                .description("A URI reference naming the kind of problem")
                .example("about:blank"))
        .addProperty("title", new StringSchema().example("Invalid request"))
        .addProperty("status", new IntegerSchema().description("The HTTP status").example(400))
        .addProperty(
            "detail",
            new StringSchema()
                .description("What went wrong, for people")
                .example("The request has invalid fields"))
        .addProperty(
            "instance",
            new StringSchema().description("The request path").example("/api/mdf-requests"))
        .addProperty(
            "errors",
            new ArraySchema()
                .description("Present on 400: each refused field and why")
                .items(new Schema<>().$ref(ApiProblems.ref(ApiProblems.FIELD_PROBLEM))))
        .addProperty(
            "retryAfterSeconds",
            new IntegerSchema()
                .format("int64")
                .description("Present on 429: seconds until signing in is possible again"))
        .required(List.of("type", "title", "status"))
        .example(EXAMPLE);
  }

  private static JsonNode read(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
