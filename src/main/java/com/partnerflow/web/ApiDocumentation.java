package com.partnerflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: title, the service version from the build, how to sign in and what
 * is promised between versions. Operations document themselves with springdoc annotations; the
 * security and refusal parts are added by identity's and common's customizers.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static {
    // Form schemas and similar free JSON are plain objects to clients, not Jackson's tree type.
    SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
  }

  static final String DESCRIPTION =
      """
      The JSON API of Partnerflow: partner onboarding, MDF requests and the task inbox in which \
      partners and approvers work the human steps of the processes.

      **Signing in.** API clients use HTTP Basic with a Partnerflow username and password. The UI's \
      session cookie works as well; writes with the session need the `X-CSRF-TOKEN` header. Public \
      operations (the partner application and the applicant's single-use links) carry an empty \
      security requirement. Failed sign-ins are throttled per username and client address (`429`).

      **Refusals** are `application/problem+json` (schema `Problem`). Bad input is `400` with \
      `errors[]` naming each field (or query parameter) and why; nothing is written. A partner user \
      gets `404`, never `403`, for another organisation's data. Request bodies are capped (`413`), \
      and may hold only the properties their schema lists. A path with characters the service does \
      not accept (`%2F`, `//`, `;`) is refused with `400`.

      **Compatibility.** Within a major version, fields, operations and values are only ever added, \
      never renamed or removed, and a client must ignore properties it does not know. What is to \
      go is first marked `deprecated` in this document, with its replacement, for at least one \
      minor release before it is removed. `info.version` is the service's build version.
      """;

  @Bean
  OpenAPI partnerflowApi(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    String version = properties != null ? properties.getVersion() : "development";
    return new OpenAPI()
        .info(
            new Info()
                .title("Partnerflow API")
                .version(version)
                .description(DESCRIPTION)
                .license(
                    new License()
                        .name("Apache-2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0")))
        .addServersItem(new Server().url("/").description("This Partnerflow service"))
        .components(new Components());
  }
}
