package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.PartnerflowIntegrationTest;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A broken file fails startup with its name and the engine's reason. */
@PartnerflowIntegrationTest
class ProcessResourceDeployerIT {

  @Autowired CamundaClient client;

  @Test
  void brokenBpmnIsRejectedWithTheFileNameAndTheEnginesReason() {
    var deployer =
        new ProcessResourceDeployer(
            new EngineProperties(
                true,
                0,
                List.of("classpath*:broken/*.bpmn"),
                Duration.ofSeconds(30),
                null,
                EngineProperties.State.defaults()),
            new DeployedDefinitions());

    assertThatThrownBy(() -> deployer.onStart(client))
        .isInstanceOf(ProcessDeploymentException.class)
        .hasMessageContaining("broken-approval.bpmn")
        .hasMessageContaining("NoTypeTask");
  }

  @Test
  void failureAnalysisStatesTheProblemAndTheFix() {
    FailureAnalysis analysis =
        new ProcessDeploymentFailureAnalyzer()
            .analyze(new ProcessDeploymentException("'x.bpmn': no job type"));

    assertThat(analysis.getDescription()).contains("x.bpmn");
    assertThat(analysis.getAction()).contains("bpmn/");
  }

  @Test
  void emptyFoldersDeployNothingAndStartCleanly() {
    var definitions = new DeployedDefinitions();
    var deployer =
        new ProcessResourceDeployer(
            new EngineProperties(
                true,
                0,
                List.of("classpath*:nothing-here/*.bpmn"),
                Duration.ofSeconds(30),
                null,
                EngineProperties.State.defaults()),
            definitions);

    deployer.onStart(client);

    assertThat(definitions.all()).isEmpty();
  }
}
