package com.partnerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.partnerflow.PartnerflowIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The contract checks of the OpenAPI document (issue 18): the committed {@code docs/openapi.json}
 * is the live {@code /v3/api-docs}; every operation says what it does, who may call it, how to sign
 * in and how it fails; every endpoint of the README's API table and of the issues' Contract
 * sections is in it; and what it says about signing in is what the service does.
 */
@PartnerflowIntegrationTest
class OpenApiDocumentIT {

  static final Path COMMITTED = Path.of("docs/openapi.json");
  static final String REGENERATE =
      "./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dit.test=OpenApiDocumentIT -Dpartnerflow.openapi.write=true";
  static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  static final Pattern ENDPOINT = Pattern.compile("(GET|POST|PUT|PATCH|DELETE)\\s+(/\\S+)");

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired BuildProperties build;

  JsonNode document;

  @BeforeEach
  void readLiveDocument() throws IOException {
    var response = http.getForEntity("/v3/api-docs", String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    document = json.readTree(response.getBody());
  }

  /** Regenerate with {@link #REGENERATE}; CI generates the Java client from the committed file. */
  @Test
  void theCommittedDocumentIsTheLiveOne() throws IOException {
    if (Boolean.getBoolean("partnerflow.openapi.write")) {
      String pretty =
          json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
      Files.writeString(COMMITTED, pretty + "\n", StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(COMMITTED))
        .as("%s is missing; write it with: %s", COMMITTED, REGENERATE)
        .isTrue();
    JsonNode committed = json.readTree(COMMITTED.toFile());
    assertThat(committed)
        .as(
            "%s differs from the live /v3/api-docs (an endpoint or its documentation changed)."
                + " Regenerate it with:%n  %s%nand commit it with the change.",
            COMMITTED, REGENERATE)
        .isEqualTo(document);
  }

  @Test
  void carriesTheServiceVersionFromTheBuild() {
    assertThat(document.path("info").path("version").asText()).isEqualTo(build.getVersion());
  }

  @Test
  void everyOperationHasASummaryWhoMayCallItASecurityRequirementAndItsRefusals() {
    List<String> failures = new ArrayList<>();
    Set<String> operationIds = new TreeSet<>();
    operations()
        .forEach(
            (name, op) -> {
              if (op.path("summary").asText().isBlank()) {
                failures.add(name + ": no summary");
              }
              if (!op.path("description").asText().contains("**Who:**")) {
                failures.add(name + ": its description does not say **Who:** may call it");
              }
              String id = op.path("operationId").asText();
              if (id.isBlank() || id.matches(".*_\\d+") || !operationIds.add(id)) {
                failures.add(name + ": no explicit, unique operationId (" + id + ")");
              }
              if (!op.path("security").isArray() || op.path("security").isEmpty()) {
                failures.add(name + ": no security requirement (nor the empty one of public)");
              }
              List<String> refusals = new ArrayList<>();
              op.path("responses")
                  .fields()
                  .forEachRemaining(
                      r -> {
                        if (r.getKey().startsWith("4")) {
                          refusals.add(r.getKey());
                          String ref =
                              r.getValue()
                                  .path("content")
                                  .path("application/problem+json")
                                  .path("schema")
                                  .path("$ref")
                                  .asText();
                          if (!ref.equals("#/components/schemas/Problem")) {
                            failures.add(name + ": " + r.getKey() + " is not the shared Problem");
                          }
                          if (r.getValue().path("description").asText().isBlank()) {
                            failures.add(name + ": " + r.getKey() + " says not when");
                          }
                        }
                      });
              if (refusals.isEmpty()) {
                failures.add(name + ": no documented 4xx response");
              }
              List<String> statuses = new ArrayList<>();
              op.path("responses").fieldNames().forEachRemaining(statuses::add);
              if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                failures.add(name + ": no documented success (2xx) response");
              }
            });
    assertThat(operations()).hasSizeGreaterThan(20);
    assertThat(failures).as("operations documented incompletely").isEmpty();
  }

  @Test
  void everyEndpointOfTheReadmeAndOfTheContractsIsDocumented() throws IOException {
    Set<String> documented = new TreeSet<>();
    operations().keySet().forEach(name -> documented.add(normalised(name)));
    Set<String> promised = new LinkedHashSet<>(readmeEndpoints());
    assertThat(promised).as("endpoints read from the README's API table").hasSizeGreaterThan(15);
    promised.addAll(contractEndpoints());

    assertThat(promised.stream().filter(e -> !documented.contains(normalised(e))).toList())
        .as(
            "endpoints of the README's API table or of an issue's Contract missing from /v3/api-docs")
        .isEmpty();
  }

  /**
   * What the document says about signing in is what the service does: without credentials a public
   * operation is answered (whatever it thinks of the request), every other one refused with 401, or
   * 403 for a write that has neither credentials nor a session's CSRF token.
   */
  @Test
  void publicOperationsAreExactlyTheOnesAnyoneMayCall() {
    List<String> failures = new ArrayList<>();
    operations()
        .forEach(
            (name, op) -> {
              boolean documentedPublic = isPublic(op);
              String method = name.substring(0, name.indexOf(' '));
              String path = name.substring(name.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
              var headers = new HttpHeaders();
              headers.setContentType(MediaType.APPLICATION_JSON);
              int status =
                  http.exchange(
                          path,
                          HttpMethod.valueOf(method),
                          new HttpEntity<>(method.equals("GET") ? null : "{}", headers),
                          String.class)
                      .getStatusCode()
                      .value();
              boolean refused = status == 401 || status == 403;
              if (documentedPublic == refused) {
                failures.add(
                    name
                        + " is documented "
                        + (documentedPublic ? "public" : "as needing a sign-in")
                        + " but answers "
                        + status
                        + " without credentials");
              }
            });
    assertThat(failures).isEmpty();
  }

  private static boolean isPublic(JsonNode op) {
    JsonNode security = op.path("security");
    return security.size() == 1 && security.get(0).isEmpty();
  }

  /** {@code "GET /api/tasks/{id}"} → the operation, for every operation of the document. */
  private Map<String, JsonNode> operations() {
    Map<String, JsonNode> operations = new java.util.TreeMap<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method.getKey())) {
                            operations.put(
                                method.getKey().toUpperCase() + " " + path.getKey(),
                                method.getValue());
                          }
                        }));
    return operations;
  }

  /** Path variables compare by position, not by name. */
  private static String normalised(String endpoint) {
    return endpoint.replaceAll("\\s+", " ").replaceAll("\\{[^}]+}", "{}");
  }

  /**
   * The endpoints of the README's API table: backticked {@code METHOD /path} in the first column; a
   * following {@code `/suffix`} names a sibling ({@code `POST /api/tasks/{id}/claim`, `/unclaim`}).
   */
  static List<String> readmeEndpoints() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## API\n");
    assertThat(start).as("README.md has an '## API' section").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    List<String> endpoints = new ArrayList<>();
    for (String line : readme.substring(start, end).split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String firstColumn = line.substring(1, line.indexOf(" | ", 1));
      String last = null;
      Matcher code = Pattern.compile("`([^`]+)`").matcher(firstColumn);
      while (code.find()) {
        String token = code.group(1).trim();
        Matcher endpoint = ENDPOINT.matcher(token);
        if (endpoint.matches()) {
          last = endpoint.group(1) + " " + endpoint.group(2);
          endpoints.add(last);
        } else if (last != null && token.matches("/[A-Za-z0-9-]+")) {
          endpoints.add(last.substring(0, last.lastIndexOf('/')) + token);
        }
      }
    }
    return endpoints;
  }

  static List<String> contractEndpoints() throws IOException {
    String text =
        new ClassPathResource("openapi/contract-endpoints.txt")
            .getContentAsString(StandardCharsets.UTF_8);
    List<String> endpoints = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher endpoint = ENDPOINT.matcher(line);
      if (!line.startsWith("#") && endpoint.find()) {
        endpoints.add(endpoint.group(1) + " " + endpoint.group(2));
      }
    }
    return endpoints;
  }
}
