package com.partnerflow.processowner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.processowner.internal.DeploymentRecord;
import com.partnerflow.processowner.internal.DeploymentRecords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The dev loop: a decision changed in a watched folder is checked and deployed without a restart, a
 * diagram with a job type no worker takes is refused with its finding; both are logged, in the
 * history and on the deployments page. Its own application context (the watch is opt-in), closed
 * after the class.
 */
@PartnerflowIntegrationTest
@TestPropertySource(
    properties = {
      "partnerflow.deployments.watch.enabled=true",
      "partnerflow.deployments.watch.interval=PT0.2S"
    })
@DirtiesContext
class DevLoopIT {

  static final Path WATCHED = createWatchedDirectory();

  @Autowired DeploymentRecords history;
  @Autowired DevLoop devLoop;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void watched(DynamicPropertyRegistry registry) {
    registry.add("partnerflow.deployments.watch.directories", WATCHED::toString);
  }

  @Test
  void aChangedDecisionIsDeployedAndABrokenDiagramRefusedWithoutARestart() throws IOException {
    // The unchanged file, there at the first look, counts as deployed.
    await().atMost(Duration.ofSeconds(10)).until(devLoop::hasLooked);
    long before = devLoopRecords().size();
    assertThat(before).isZero();

    Files.writeString(
        WATCHED.resolve("mdf-approval-routing.dmn"),
        classpath("mdf-approval-routing.dmn").replaceFirst("&lt;= 2000", "&lt;= 2002"));

    DeploymentRecord deployed =
        await().atMost(Duration.ofSeconds(30)).until(() -> newest(before), r -> r != null);
    assertThat(deployed.getOutcome()).isEqualTo(DeploymentRecord.Outcome.DEPLOYED);
    assertThat(deployed.getResources())
        .anySatisfy(
            r -> {
              assertThat(r.definitionId()).isEqualTo("mdf-approval-routing");
              assertThat(r.version()).isGreaterThan(1);
            });
    assertThat(deployed.getFiles().getFirst().content()).contains("&lt;= 2002");

    String broken =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <bpmn:process id="dev-loop-broken" isExecutable="true">
            <bpmn:startEvent id="Start"/>
            <bpmn:serviceTask id="NoWorkerTask" name="No worker">
              <bpmn:extensionElements><zeebe:taskDefinition type="nobody.works-this"/></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:sequenceFlow id="f" sourceRef="Start" targetRef="NoWorkerTask"/>
          </bpmn:process>
        </bpmn:definitions>
        """;
    Files.writeString(WATCHED.resolve("dev-loop-broken.bpmn"), broken);

    DeploymentRecord refused =
        await().atMost(Duration.ofSeconds(30)).until(() -> newest(before + 1), r -> r != null);
    assertThat(refused.getOutcome()).isEqualTo(DeploymentRecord.Outcome.REFUSED);
    assertThat(refused.getFindings())
        .anySatisfy(
            f -> {
              assertThat(f.elementId()).isEqualTo("NoWorkerTask");
              assertThat(f.rule()).isEqualTo("job-worker");
            });
    assertThat(devLoop.recent())
        .extracting(DevLoop.Attempt::outcome)
        .startsWith("REFUSED", "DEPLOYED");

    String page = UiSession.signIn(port, "olivia").get("/process-owner/deployments").body();
    assertThat(page)
        .contains("Dev loop: files on disk", "dev-loop-broken.bpmn", "NoWorkerTask", "REFUSED")
        .contains("mdf-approval-routing version");
  }

  private List<DeploymentRecord> devLoopRecords() {
    return history.findAll().stream()
        .filter(r -> DevLoop.DEPLOYER.equals(r.getDeployedBy()))
        .sorted(Comparator.comparing(DeploymentRecord::getId))
        .toList();
  }

  private DeploymentRecord newest(long count) {
    List<DeploymentRecord> all = devLoopRecords();
    return all.size() > count ? all.get((int) count) : null;
  }

  private static String classpath(String name) throws IOException {
    try (InputStream in = DevLoopIT.class.getResourceAsStream("/bpmn/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path createWatchedDirectory() {
    try {
      Path dir = Files.createTempDirectory("partnerflow-dev-loop-");
      Files.writeString(
          dir.resolve("mdf-approval-routing.dmn"), classpath("mdf-approval-routing.dmn"));
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void removeWatchedDirectory() throws IOException {
    try (var files = Files.walk(WATCHED)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
