package com.partnerflow.identity;

import com.partnerflow.common.ApiProblems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * States in the OpenAPI document how each operation signs in, read from the same public endpoint
 * lists as {@link SecurityConfiguration}, so a new endpoint is documented correctly without
 * annotations: public ones carry the empty security requirement; every other one accepts HTTP Basic
 * or the UI's session cookie (writes with the session also need the CSRF header), and may answer
 * 401, 429 (sign-in throttled) and, for writes, 403 (session without CSRF token).
 */
@Component
class ApiSecurityDocumentation implements OpenApiCustomizer {

  static final String BASIC = "basicAuth";
  static final String SESSION = "sessionCookie";
  static final String CSRF = "csrfHeader";

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  @Override
  public void customise(OpenAPI openApi) {
    openApi
        .getComponents()
        .addSecuritySchemes(
            BASIC,
            new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description("For API clients: a Partnerflow username and password."))
        .addSecuritySchemes(
            SESSION,
            new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE)
                .name("JSESSIONID")
                .description(
                    "For the UI: the session of a sign-in at `/login`. Writes with it also need"
                        + " the CSRF header."))
        .addSecuritySchemes(
            CSRF,
            new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name("X-CSRF-TOKEN")
                .description(
                    "The session's CSRF token (the page's `<meta name=\"_csrf\">`); needed with"
                        + " the session cookie on every write, never with HTTP Basic."));
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap().forEach((method, op) -> document(path, method, op)));
  }

  private static void document(String path, PathItem.HttpMethod method, Operation operation) {
    if (isPublic(path, method)) {
      operation.setSecurity(List.of(new SecurityRequirement()));
      return;
    }
    boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    SecurityRequirement session = new SecurityRequirement().addList(SESSION);
    operation.setSecurity(
        List.of(new SecurityRequirement().addList(BASIC), write ? session.addList(CSRF) : session));
    ApiResponses responses = operation.getResponses();
    responses.putIfAbsent(
        "401",
        ApiProblems.response(
            "Not signed in: no session and no or wrong HTTP Basic credentials"
                + " (`WWW-Authenticate: Basic`)"));
    responses.putIfAbsent(
        "429",
        ApiProblems.response(
                "Signing in is paused after too many failed sign-ins of this username or client"
                    + " address; `Retry-After` and `retryAfterSeconds` say for how long")
            .headers(
                Map.of(
                    "Retry-After",
                    new Header()
                        .description("Seconds until signing in is possible again")
                        .schema(new IntegerSchema()))));
    if (write) {
      String csrf =
          "neither HTTP Basic credentials nor a session with a valid `X-CSRF-TOKEN` header (a"
              + " write needs one or the other)";
      ApiResponse forbidden = responses.get("403");
      if (forbidden == null) {
        responses.addApiResponse("403", ApiProblems.response("Sent with " + csrf));
      } else {
        forbidden.setDescription(forbidden.getDescription() + "; or sent with " + csrf);
      }
    }
  }

  /** Whether {@link SecurityConfiguration} lets anyone call it. */
  static boolean isPublic(String path, PathItem.HttpMethod method) {
    String[] patterns =
        switch (method) {
          case POST -> SecurityConfiguration.PUBLIC_API_POSTS;
          case GET -> SecurityConfiguration.PUBLIC_API_GETS;
          default -> new String[0];
        };
    String concrete = path.replaceAll("\\{[^}/]+}", "x");
    return Arrays.stream(patterns).anyMatch(p -> PATHS.match(p, concrete));
  }
}
