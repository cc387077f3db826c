package com.partnerflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Deploys files that a person uploaded (rather than {@code bpmn/} at startup) as one deployment, so
 * a diagram and the decisions and forms it uses resolve together.
 */
@Component
public class ResourceDeployment {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final CamundaClient client;

  ResourceDeployment(CamundaClient client) {
    this.client = client;
  }

  /** One file of a deployment: its name (with extension) and content. */
  public record File(String name, byte[] content) {}

  /**
   * What the engine made of a deployment.
   *
   * @param deploymentKey the engine's key of the deployment
   * @param definitions each process, decision (by decision id, not by its requirements graph) and
   *     form, with the version the engine gave it
   */
  public record Outcome(long deploymentKey, List<DeployedDefinition> definitions) {}

  /**
   * Sends the files to the engine in one deployment.
   *
   * @throws DeploymentRejectedException when the engine refuses it, with the engine's own words
   */
  public Outcome deploy(List<File> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("A deployment needs at least one file");
    }
    DeployResourceCommandStep2 command = null;
    for (File file : files) {
      command =
          command == null
              ? client.newDeployResourceCommand().addResourceBytes(file.content(), file.name())
              : command.addResourceBytes(file.content(), file.name());
    }
    DeploymentEvent event;
    try {
      event = command.requestTimeout(TIMEOUT).send().join();
    } catch (RuntimeException e) {
      if (ProcessResourceDeployer.isTransient(e)) {
        throw e;
      }
      throw new DeploymentRejectedException(ProcessResourceDeployer.rootMessage(e), e);
    }
    return new Outcome(event.getKey(), ProcessResourceDeployer.definitionsOf(event, true));
  }
}
