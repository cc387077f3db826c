package com.partnerflow.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.compose.ResolvedCompose.Port;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The configuration test of {@code docker-compose.yml} (tier {@code compose}: {@code ./mvnw test
 * -Pcompose}). Syntax alone proves nothing: Camunda 8.8 refuses to start when a legacy storage
 * property disagrees with the unified {@code camunda.data.secondary-storage.*} one, and Partnerflow
 * waits forever for a service it reaches on the wrong port. So the file is resolved by Docker
 * Compose and checked for what the containers really get.
 */
@Tag("compose")
class DockerComposeFileTest {

  static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
  static final Path CLUSTER_PROFILE = Path.of("src/main/resources/application-cluster.yml");
  static final String PARTNERFLOW = "partnerflow";

  /**
   * What the unified secondary-storage settings of 8.8 replace (camunda/camunda's
   * io.camunda.configuration legacy property sets; with a value that differs from the unified one
   * the orchestration cluster does not start). The exporter is configured from the unified settings
   * too, so no exporter setting belongs in the file either.
   */
  static final Set<String> LEGACY_STORAGE_KEYS =
      Set.of(
          "CAMUNDA_DATABASE_TYPE",
          "CAMUNDA_DATABASE_URL",
          "CAMUNDA_DATABASE_URLS",
          "CAMUNDA_DATABASE_CLUSTERNAME",
          "CAMUNDA_DATABASE_USERNAME",
          "CAMUNDA_DATABASE_PASSWORD",
          "CAMUNDA_DATABASE_INDEXPREFIX",
          "CAMUNDA_OPERATE_DATABASE",
          "CAMUNDA_TASKLIST_DATABASE");

  static final List<String> LEGACY_STORAGE_PREFIXES =
      List.of(
          "CAMUNDA_OPERATE_ELASTICSEARCH_",
          "CAMUNDA_OPERATE_ZEEBEELASTICSEARCH_",
          "CAMUNDA_OPERATE_OPENSEARCH_",
          "CAMUNDA_OPERATE_ZEEBEOPENSEARCH_",
          "CAMUNDA_TASKLIST_ELASTICSEARCH_",
          "CAMUNDA_TASKLIST_ZEEBEELASTICSEARCH_",
          "CAMUNDA_TASKLIST_OPENSEARCH_",
          "CAMUNDA_TASKLIST_ZEEBEOPENSEARCH_",
          "ZEEBE_BROKER_EXPORTERS_");

  /** The variables of application-cluster.yml this test knows how to match; see below. */
  static final Set<String> CHECKED_VARIABLES =
      Set.of(
          "CAMUNDA_GRPC_ADDRESS",
          "CAMUNDA_REST_ADDRESS",
          "PARTNERFLOW_DB_URL",
          "PARTNERFLOW_DB_USER",
          "PARTNERFLOW_DB_PASSWORD",
          "PARTNERFLOW_SMTP_HOST",
          "PARTNERFLOW_SMTP_PORT",
          "PARTNERFLOW_SMTP_USER",
          "PARTNERFLOW_SMTP_PASSWORD",
          "PARTNERFLOW_MANAGEMENT_PORT");

  static ResolvedCompose compose;
  static Map<String, String> profileDefaults;
  static Map<String, String> partnerflow;

  @BeforeAll
  static void resolve() throws Exception {
    compose = ResolvedCompose.of(COMPOSE_FILE);
    profileDefaults = placeholders(Files.readString(CLUSTER_PROFILE));
    partnerflow = compose.environment(PARTNERFLOW);
  }

  @Test
  void camundaIsConfiguredWithTheUnifiedSecondaryStorageSettingsOnly() {
    Map<String, String> camunda = compose.environment(camundaService());

    List<String> legacy =
        camunda.keySet().stream()
            .filter(
                key ->
                    LEGACY_STORAGE_KEYS.contains(envName(key))
                        || LEGACY_STORAGE_PREFIXES.stream().anyMatch(envName(key)::startsWith))
            .toList();

    assertThat(legacy)
        .as(
            "legacy storage or exporter settings of the Camunda service (8.8 does not start when"
                + " they differ from camunda.data.secondary-storage.*)")
        .isEmpty();
    assertThat(byEnvName(camunda))
        .containsEntry("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "elasticsearch")
        .containsKey("CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL");
  }

  @Test
  void camundaSecondaryStorageIsTheElasticsearchServiceOfTheFile() {
    String configured =
        byEnvName(compose.environment(camundaService()))
            .get("CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL");
    assertThat(configured).as("CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL").isNotBlank();
    URI url = URI.create(configured);

    assertThat(compose.image(url.getHost()))
        .startsWith("docker.elastic.co/elasticsearch/elasticsearch:");
    assertThat(ResolvedCompose.port(url)).isEqualTo(9200);
  }

  @Test
  void everyVariableTheClusterProfileReadsIsSetForPartnerflow() {
    assertThat(profileDefaults).as("placeholders in " + CLUSTER_PROFILE).isNotEmpty();
    assertThat(CHECKED_VARIABLES)
        .as("variables of the cluster profile that this test matches against the file")
        .containsAll(profileDefaults.keySet());
    assertThat(partnerflow.keySet())
        .as("environment of the partnerflow service")
        .containsAll(profileDefaults.keySet())
        .contains("SPRING_PROFILES_ACTIVE");
    assertThat(partnerflow.get("SPRING_PROFILES_ACTIVE")).isEqualTo("cluster");
  }

  @Test
  void camundaAddressesLeadToTheCamundaServiceInsideComposeAndFromTheHost() {
    for (String variable : List.of("CAMUNDA_GRPC_ADDRESS", "CAMUNDA_REST_ADDRESS")) {
      URI inCompose = URI.create(partnerflow.get(variable));
      URI fromHost = URI.create(profileDefaults.get(variable));
      assertThat(inCompose.getHost()).as(variable).isEqualTo(camundaService());

      assertReachable(variable, inCompose.getHost(), ResolvedCompose.port(inCompose));
      assertSameContainerPort(variable, fromHost, inCompose);
    }
  }

  @Test
  void databaseUrlAndCredentialsAreThoseOfTheMysqlService() {
    URI inCompose = jdbc(partnerflow.get("PARTNERFLOW_DB_URL"));
    URI fromHost = jdbc(profileDefaults.get("PARTNERFLOW_DB_URL"));
    Map<String, String> mysql = compose.environment(inCompose.getHost());

    assertReachable("PARTNERFLOW_DB_URL", inCompose.getHost(), inCompose.getPort());
    assertSameContainerPort("PARTNERFLOW_DB_URL", fromHost, inCompose);
    assertThat(inCompose.getPath()).isEqualTo("/" + mysql.get("MYSQL_DATABASE"));
    assertThat(fromHost.getPath()).isEqualTo(inCompose.getPath());
    assertThat(partnerflow.get("PARTNERFLOW_DB_USER"))
        .isEqualTo(mysql.get("MYSQL_USER"))
        .isEqualTo(profileDefaults.get("PARTNERFLOW_DB_USER"));
    assertThat(partnerflow.get("PARTNERFLOW_DB_PASSWORD"))
        .isNotBlank()
        .isEqualTo(mysql.get("MYSQL_PASSWORD"));
  }

  @Test
  void smtpServerAndCredentialsAreThoseOfTheMailpitService() {
    String host = partnerflow.get("PARTNERFLOW_SMTP_HOST");
    int port = Integer.parseInt(partnerflow.get("PARTNERFLOW_SMTP_PORT"));
    URI inCompose = URI.create("smtp://" + host + ":" + port);
    URI fromHost =
        URI.create(
            "smtp://"
                + profileDefaults.get("PARTNERFLOW_SMTP_HOST")
                + ":"
                + profileDefaults.get("PARTNERFLOW_SMTP_PORT"));
    Map<String, String> mailpit = compose.environment(host);

    assertReachable("PARTNERFLOW_SMTP_HOST/PORT", host, port);
    assertSameContainerPort("PARTNERFLOW_SMTP_HOST/PORT", fromHost, inCompose);
    String user = partnerflow.get("PARTNERFLOW_SMTP_USER");
    String password = partnerflow.get("PARTNERFLOW_SMTP_PASSWORD");
    if (user.isEmpty()) {
      assertThat(mailpit.keySet())
          .as("Partnerflow sends without SMTP credentials, so Mailpit must not demand any")
          .noneMatch(key -> key.startsWith("MP_SMTP_AUTH"));
    } else {
      assertThat(
              "true".equals(mailpit.get("MP_SMTP_AUTH_ACCEPT_ANY"))
                  || mailpit.getOrDefault("MP_SMTP_AUTH", "").contains(user + ":" + password))
          .as("Mailpit accepts the SMTP credentials Partnerflow sends")
          .isTrue();
    }
  }

  @Test
  void camundaClientAuthenticationIsWhatTheCamundaServiceDemands() {
    Map<String, String> camunda = byEnvName(compose.environment(camundaService()));
    String method = byEnvName(partnerflow).get("CAMUNDA_CLIENT_AUTH_METHOD");

    assertThat(method).as("CAMUNDA_CLIENT_AUTH_METHOD of the partnerflow service").isNotNull();
    if ("true".equalsIgnoreCase(camunda.get("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI"))) {
      assertThat(method).isEqualTo("none");
      return;
    }
    // A protected API: the compose file has no identity provider, so only basic auth against a
    // user the Camunda service creates at its first start can work.
    assertThat(camunda.getOrDefault("CAMUNDA_SECURITY_AUTHENTICATION_METHOD", "basic"))
        .isEqualToIgnoringCase("basic");
    assertThat(method).isEqualTo("basic");
    String username = byEnvName(partnerflow).get("CAMUNDA_CLIENT_AUTH_USERNAME");
    String password = byEnvName(partnerflow).get("CAMUNDA_CLIENT_AUTH_PASSWORD");
    boolean known = false;
    for (int i = 0; camunda.containsKey(initialUser(i, "USERNAME")); i++) {
      known |=
          camunda.get(initialUser(i, "USERNAME")).equals(username)
              && camunda.get(initialUser(i, "PASSWORD")).equals(password);
    }
    assertThat(known).as("Camunda creates the user Partnerflow signs in with").isTrue();
  }

  /**
   * The cluster profile serves the actuator on its management port only: the health check must ask
   * that port (8080 has no /actuator there), which the host reaches at the profile's default.
   */
  @Test
  void healthCheckAsksTheManagementPortThatIsPublished() {
    int port = Integer.parseInt(partnerflow.get("PARTNERFLOW_MANAGEMENT_PORT"));
    String defaultPort = profileDefaults.get("PARTNERFLOW_MANAGEMENT_PORT");

    assertThat(compose.healthcheck(PARTNERFLOW))
        .contains("http://localhost:" + port + "/actuator/health/readiness");
    assertReachable("PARTNERFLOW_MANAGEMENT_PORT", PARTNERFLOW, port);
    assertThat(compose.publishedOnHost(PARTNERFLOW, Integer.parseInt(defaultPort)))
        .as("the cluster profile's default management port " + defaultPort + " is published")
        .hasValueSatisfying(published -> assertThat(published.target()).isEqualTo(port));
  }

  @Test
  void uploadedFilesLiveOnAVolumeAtTheAttachmentsDirectory() {
    String directory = partnerflow.get("PARTNERFLOW_ATTACHMENTS_DIRECTORY");
    assertThat(directory).as("PARTNERFLOW_ATTACHMENTS_DIRECTORY").startsWith("/");
    assertThat(compose.volumeTargets(PARTNERFLOW)).contains(directory);
  }

  @Test
  void everyImageNamesAFixedVersion() {
    for (String service : compose.services().keySet()) {
      String image = compose.image(service);
      assertThat(image).as(service).matches(".+:[^:/]+").doesNotEndWith(":latest");
    }
  }

  /** The service running the orchestration cluster, found by its image, whatever its name. */
  static String camundaService() {
    return compose.services().keySet().stream()
        .filter(name -> compose.image(name).startsWith("camunda/camunda:"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no service runs camunda/camunda"));
  }

  /** The address exists inside the Compose network: a service, listening on a port it shows. */
  static void assertReachable(String what, String host, int port) {
    List<Port> ports = compose.ports(host);
    assertThat(ports.stream().map(Port::target))
        .as(what + ": port " + port + " of service " + host)
        .contains(port);
  }

  /**
   * The cluster profile's default (the service run from an IDE against {@code docker compose up})
   * reaches, through a published port, the same container port as the address inside Compose.
   */
  static void assertSameContainerPort(String what, URI fromHost, URI inCompose) {
    assertThat(fromHost.getHost()).as(what + " default host").isIn("localhost", "127.0.0.1");
    Port published =
        compose
            .publishedOnHost(inCompose.getHost(), portOf(fromHost))
            .orElseThrow(
                () ->
                    new AssertionError(
                        what
                            + ": the default "
                            + fromHost
                            + " is no port that service "
                            + inCompose.getHost()
                            + " publishes"));
    assertThat(published.target()).as(what + " default").isEqualTo(portOf(inCompose));
  }

  static int portOf(URI uri) {
    return uri.getScheme().equals("mysql") && uri.getPort() == -1
        ? 3306
        : ResolvedCompose.port(uri);
  }

  static URI jdbc(String url) {
    assertThat(url).startsWith("jdbc:mysql://");
    return URI.create(url.substring("jdbc:".length()));
  }

  static String initialUser(int index, String field) {
    return "CAMUNDA_SECURITY_INITIALIZATION_USERS_" + index + "_" + field;
  }

  /** {@code ${NAME:default}} placeholders of a Spring properties file, name to default. */
  static Map<String, String> placeholders(String text) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}").matcher(text);
    while (m.find()) {
      found.put(m.group(1), m.group(2));
    }
    return found;
  }

  /** Spring's relaxed binding: {@code camunda.database.url} and CAMUNDA_DATABASE_URL are one. */
  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
  }

  static Map<String, String> byEnvName(Map<String, String> environment) {
    Map<String, String> normalized = new LinkedHashMap<>();
    environment.forEach((k, v) -> normalized.put(envName(k), v));
    return normalized;
  }
}
