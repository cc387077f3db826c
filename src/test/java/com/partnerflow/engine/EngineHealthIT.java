package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Readiness includes the engine connection; processes are listed; who may read which actuator
 * endpoint.
 */
@PartnerflowIntegrationTest
@AutoConfigureObservability
class EngineHealthIT {

  @Autowired TestRestTemplate http;

  @Test
  void readinessIsUpWithTheEngineConnected() {
    var body =
        http.withBasicAuth("admin", "demo")
            .getForObject("/actuator/health/readiness", String.class);

    assertThat(body).contains("\"status\":\"UP\"").contains("\"camundaClient\":{\"status\":\"UP\"");
  }

  @Test
  void healthDetailsAreForAdminsOnly() {
    var body =
        http.withBasicAuth("alice", "demo")
            .getForObject("/actuator/health/readiness", String.class);

    assertThat(body).contains("\"status\":\"UP\"").doesNotContain("camundaClient");
  }

  @Test
  void deployedProcessesAreListedWithVersionAndResourceName() {
    var body = http.withBasicAuth("carol", "demo").getForObject("/api/processes", String.class);

    assertThat(body)
        .contains("\"bpmnProcessId\":\"skeleton-roundtrip\"")
        .contains("\"resourceName\":\"skeleton-roundtrip.bpmn\"")
        .contains("\"version\":1");
  }

  @Test
  void prometheusMetricsAreForTheMonitoringGroupAndAdmins() {
    for (String reader : List.of("mona", "admin")) {
      var body =
          http.withBasicAuth(reader, "demo").getForObject("/actuator/prometheus", String.class);
      assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"partnerflow\"");
    }
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String other : List.of("alice", "carol", "erin", "olivia")) {
      assertThat(
              http.withBasicAuth(other, "demo")
                  .getForEntity("/actuator/prometheus", String.class)
                  .getStatusCode())
          .as(other)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void probesAreOpenToTheOrchestratorAndEverythingElseIsForAdmins() {
    for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
      var answer = http.getForEntity(probe, String.class);
      assertThat(answer.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
      assertThat(answer.getBody()).as(probe).contains("\"status\":\"UP\"");
    }
    assertThat(http.getForEntity("/actuator/health", String.class).getBody())
        .doesNotContain("camundaClient");
    assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            http.withBasicAuth("mona", "demo")
                .getForEntity("/actuator/metrics", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            http.withBasicAuth("admin", "demo")
                .getForEntity("/actuator/metrics", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }
}
