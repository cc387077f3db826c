package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * An instance the engine cannot advance reaches the process owners and the health endpoint. The
 * engine here fails the way it did in an executable jar whose engine threads carried the system
 * class loader (issue 21): its threads see no service files, so the decision engine finds no FEEL
 * value mapper and the first business rule task fails inside the engine.
 */
@PartnerflowIntegrationTest
@TestPropertySource(properties = "spring.main.allow-bean-definition-overriding=true")
class StuckInstanceIT {

  @Autowired TestRestTemplate http;
  @Autowired EmbeddedZeebeEngine engine;
  @LocalServerPort int port;
  private final ObjectMapper json = new ObjectMapper();

  @TestConfiguration
  static class EngineAsInABrokenJar {

    @Bean
    EmbeddedZeebeEngine embeddedZeebeEngine(EngineProperties properties) {
      var engine =
          new EmbeddedZeebeEngine(
              properties.port(),
              properties.state(),
              new WithoutServiceFiles(EmbeddedZeebeEngine.class));
      engine.startInBackground();
      return engine;
    }
  }

  /**
   * Sees the application's classes but no {@code META-INF/services} file, like the system loader.
   */
  static final class WithoutServiceFiles extends ClassLoader {

    WithoutServiceFiles(Class<?> of) {
      super(of.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.startsWith("META-INF/services/")
          ? Collections.emptyEnumeration()
          : super.getResources(name);
    }
  }

  @Test
  void anApplicationStuckAtItsFirstDecisionIsShownToProcessOwners() throws Exception {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var created =
        http.postForEntity(
            "/api/partner-applications",
            new HttpEntity<>(
                """
                {"companyName":"Stuck Systems","website":"https://www.stuck-systems.example",
                 "country":"DE","region":"EMEA","partnerType":"RESELLER","verticals":["RETAIL"],
                 "expectedAnnualRevenue":250000,"certifiedStaff":2,"contactName":"Stu Stuck",
                 "contactEmail":"stu@stuck-systems.example","acceptTerms":true}
                """,
                headers),
            String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

    Thread.sleep(5000);
    var hist = new java.util.TreeMap<String, Integer>();
    engine
        .recordStream()
        .getRecords()
        .forEach(
            r ->
                hist.merge(
                    r.getRecordType() + " " + r.getValueType() + " " + r.getIntent(),
                    1,
                    Integer::sum));
    System.out.println("HIST " + hist);
    JsonNode stuck =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> json.readTree(get("olivia", "/api/process-owner/stuck-instances")),
                list -> list.size() == 1);

    JsonNode instance = stuck.get(0);
    assertThat(instance.get("bpmnProcessId").asText()).isEqualTo("partner-onboarding");
    assertThat(instance.get("processInstanceKey").asLong()).isPositive();
    assertThat(instance.get("elementId").asText()).isNotBlank();
    assertThat(instance.get("error").asText()).contains("DMN evaluation result");
    assertThat(instance.get("since").asText()).isNotBlank();

    String page = UiSession.signIn(port, "olivia").get("/process-owner").body();
    assertThat(page)
        .contains("Instances the engine stopped advancing")
        .contains(instance.get("processInstanceKey").asText())
        .contains("partner-onboarding")
        .contains(instance.get("elementId").asText())
        .contains("DMN evaluation result");

    String health = get("admin", "/actuator/health");
    assertThat(json.readTree(health).at("/components/stuckInstances/status").asText())
        .isEqualTo("DEGRADED");
    assertThat(json.readTree(health).at("/components/stuckInstances/details/count").asInt())
        .isEqualTo(1);
    assertThat(json.readTree(get("admin", "/actuator/health/readiness")).get("status").asText())
        .as("a stuck case needs a process owner, not less traffic")
        .isEqualTo("UP");
  }

  @Test
  void onlyProcessOwnersSeeStuckInstances() {
    for (String user : new String[] {"carol", "alice"}) {
      assertThat(
              http.withBasicAuth(user, "demo")
                  .getForEntity("/api/process-owner/stuck-instances", String.class)
                  .getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  private String get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForObject(path, String.class);
  }
}
