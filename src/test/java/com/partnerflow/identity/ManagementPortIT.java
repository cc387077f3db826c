package com.partnerflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.TestPropertySource;

/**
 * The actuator on a management port of its own, as the cluster profile serves it ({@code
 * management.server.port}, here a random one): the public port serves no actuator endpoint, and the
 * management port asks for the same roles as the actuator does on the public port in the embedded
 * mode ({@code EngineHealthIT}) — probes open, Prometheus for monitoring and admins, the rest for
 * admins.
 */
@PartnerflowIntegrationTest
@AutoConfigureObservability
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIT {

  @Autowired TestRestTemplate http;
  @LocalManagementPort int managementPort;

  @Test
  void probesAndHealthAreOpenOnTheManagementPort() {
    for (String probe :
        List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      var answer = http.getForEntity(management(probe), String.class);
      assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
      assertThat(answer.getBody()).as(probe).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void prometheusNeedsTheMonitoringGroupOrAnAdminOnTheManagementPort() {
    assertThat(status(null, "/actuator/prometheus")).isEqualTo(HttpStatus.UNAUTHORIZED);
    // alice is a partner admin, olivia and carol internal users without monitoring rights.
    for (String other : List.of("alice", "olivia", "carol")) {
      assertThat(status(other, "/actuator/prometheus")).as(other).isEqualTo(HttpStatus.FORBIDDEN);
    }
    for (String reader : List.of("mona", "admin")) {
      var body =
          http.withBasicAuth(reader, "demo")
              .getForObject(management("/actuator/prometheus"), String.class);
      assertThat(body).as(reader).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void metricsAndStartupAreForAdminsOnlyOnTheManagementPort() {
    for (String endpoint : List.of("/actuator/metrics", "/actuator/startup")) {
      assertThat(status(null, endpoint)).as(endpoint).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(status("mona", endpoint)).as(endpoint).isEqualTo(HttpStatus.FORBIDDEN);
      for (String other : List.of("alice", "olivia", "carol")) {
        assertThat(status(other, endpoint))
            .as(other + " " + endpoint)
            .isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
    assertThat(status("admin", "/actuator/metrics")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void healthDetailsAreForAdminsOnlyOnTheManagementPort() {
    assertThat(
            http.withBasicAuth("admin", "demo")
                .getForObject(management("/actuator/health/readiness"), String.class))
        .contains("\"camundaClient\":{\"status\":\"UP\"");
    assertThat(http.getForObject(management("/actuator/health/readiness"), String.class))
        .doesNotContain("camundaClient");
  }

  @Test
  void thePublicPortServesNoActuatorEndpoint() {
    assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            http.withBasicAuth("admin", "demo")
                .getForEntity("/actuator/prometheus", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    // Security still stands before the missing endpoint: no hint to anonymous callers.
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getRootUri()).doesNotEndWith(":" + managementPort);
  }

  private String management(String path) {
    return "http://localhost:" + managementPort + path;
  }

  private HttpStatusCode status(String user, String path) {
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
    return client.getForEntity(management(path), String.class).getStatusCode();
  }
}
