package com.partnerflow.common;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The OpenAPI document's one refusal schema, for modules that add refusals to many operations at
 * once (the sign-in refusals of the API's security). A single operation declares its own with
 * {@code @ApiResponse(responseCode = "404", description = "…")}: the content is filled in for it.
 */
public final class ApiProblems {

  /** The media type of every refusal. */
  public static final String MEDIA_TYPE = "application/problem+json";

  static final String PROBLEM = "Problem";
  static final String FIELD_PROBLEM = "FieldProblem";

  private ApiProblems() {}

  /** A refusal answered with the shared {@code Problem} schema. */
  public static ApiResponse response(String description) {
    return new ApiResponse().description(description).content(content());
  }

  static Content content() {
    return new Content()
        .addMediaType(MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(ref(PROBLEM))));
  }

  static String ref(String schema) {
    return "#/components/schemas/" + schema;
  }
}
