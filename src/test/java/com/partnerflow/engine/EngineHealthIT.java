package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Readiness includes the engine connection; processes are listed; metrics are scrapeable. */
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
  void prometheusMetricsAreScrapeableWithoutSigningIn() {
    var body = http.getForObject("/actuator/prometheus", String.class);

    assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"partnerflow\"");
  }
}
