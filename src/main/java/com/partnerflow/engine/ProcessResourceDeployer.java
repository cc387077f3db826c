package com.partnerflow.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.lifecycle.CamundaClientLifecycleAware;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys everything in {@code bpmn/} and {@code forms/} as one deployment when the Camunda client
 * starts, so that call activities, business rule tasks and linked forms resolve together.
 *
 * <p>Unlike the starter's {@code @Deployment}, it accepts empty folders, names the rejected file in
 * a one-line startup failure, and checks the convention that a definition's id equals its file name
 * (process owners and tests find things by that name).
 */
@Component
class ProcessResourceDeployer implements CamundaClientLifecycleAware {

  private static final Logger log = LoggerFactory.getLogger(ProcessResourceDeployer.class);
  private static final Duration MAX_ATTEMPT = Duration.ofSeconds(30);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final Set<Status.Code> TRANSIENT_STATUS =
      Set.of(
          Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);

  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final EngineProperties properties;
  private final DeployedDefinitions deployed;

  ProcessResourceDeployer(EngineProperties properties, DeployedDefinitions deployed) {
    this.properties = properties;
    this.deployed = deployed;
  }

  @Override
  public void onStart(CamundaClient client) {
    List<Resource> resources = resources();
    if (resources.isEmpty()) {
      log.info(
          "No BPMN, DMN or form files to deploy (patterns {})", properties.deploymentResources());
      deployed.replaceWith(List.of());
      return;
    }
    DeploymentEvent event = deploy(client, resources);
    List<DeployedDefinition> definitions = definitionsOf(event);
    checkIdsMatchFileNames(definitions);
    deployed.replaceWith(
        definitions,
        definitionsOf(event, true).stream().filter(d -> d.kind().equals("decision")).toList());
    definitions.forEach(
        d ->
            log.info(
                "Deployed {} '{}' version {} from {}",
                d.kind(),
                d.id(),
                d.version(),
                d.resourceName()));
  }

  @Override
  public void onStop(CamundaClient client) {}

  private List<Resource> resources() {
    return properties.deploymentResources().stream()
        .flatMap(pattern -> Arrays.stream(find(pattern)))
        .filter(Resource::isReadable)
        .distinct()
        .toList();
  }

  private Resource[] find(String pattern) {
    try {
      return resolver.getResources(pattern);
    } catch (IOException e) {
      throw new ProcessDeploymentException("Cannot list deployment resources " + pattern, e);
    }
  }

  private DeploymentEvent deploy(CamundaClient client, List<Resource> resources) {
    DeployResourceCommandStep2 command = null;
    for (Resource resource : resources) {
      String name = Objects.requireNonNull(resource.getFilename());
      try (InputStream in = resource.getInputStream()) {
        byte[] content = in.readAllBytes();
        command =
            command == null
                ? client.newDeployResourceCommand().addResourceBytes(content, name)
                : command.addResourceBytes(content, name);
      } catch (IOException e) {
        throw new ProcessDeploymentException("Cannot read " + name + ": " + e.getMessage(), e);
      }
    }
    return send(command);
  }

  /**
   * Sends the deployment, retrying while the engine is unavailable or too slow to answer (a cluster
   * still starting, a loaded machine) until {@code partnerflow.engine.deployment-timeout}. Sending
   * the same resources again is safe: the engine does not re-version unchanged files.
   */
  private DeploymentEvent send(DeployResourceCommandStep2 command) {
    long deadline = System.nanoTime() + properties.deploymentTimeout().toNanos();
    Duration backoff = Duration.ofMillis(500);
    while (true) {
      Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
      try {
        return command.requestTimeout(min(remaining, MAX_ATTEMPT)).send().join();
      } catch (RuntimeException e) {
        if (!isTransient(e)) {
          throw new ProcessDeploymentException(
              "The engine rejected the deployment of bpmn/ and forms/: " + rootMessage(e), e);
        }
        if (remaining.compareTo(backoff) <= 0) {
          throw new ProcessDeploymentException(
              "The engine did not accept the deployment of bpmn/ and forms/ within "
                  + properties.deploymentTimeout()
                  + " (partnerflow.engine.deployment-timeout): "
                  + rootMessage(e),
              e);
        }
        log.warn(
            "Engine not ready for the deployment ({}); retrying in {}", rootMessage(e), backoff);
        pause(backoff);
        backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
      }
    }
  }

  /** Unavailable, overloaded or timed out: worth another attempt, unlike a rejected file. */
  static boolean isTransient(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClientStatusException status) {
        return TRANSIENT_STATUS.contains(status.getStatusCode());
      }
      if (cause instanceof ClientHttpException http) {
        return http.code() == 429 || http.code() == 502 || http.code() == 503 || http.code() == 504;
      }
    }
    return false;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void pause(Duration backoff) {
    try {
      Thread.sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProcessDeploymentException("Interrupted while waiting for the engine", e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : e.getMessage();
  }

  private static List<DeployedDefinition> definitionsOf(DeploymentEvent event) {
    return definitionsOf(event, false);
  }

  /**
   * The definitions of a deployment: processes, forms, and decision requirements graphs or, with
   * {@code byDecisionId}, each decision by its own id (what a business rule task names).
   */
  static List<DeployedDefinition> definitionsOf(DeploymentEvent event, boolean byDecisionId) {
    List<DeployedDefinition> definitions = new ArrayList<>();
    event
        .getProcesses()
        .forEach(
            p ->
                definitions.add(
                    new DeployedDefinition(
                        "process",
                        p.getBpmnProcessId(),
                        p.getVersion(),
                        p.getProcessDefinitionKey(),
                        p.getResourceName())));
    Map<Long, String> decisionFiles = new HashMap<>();
    event
        .getDecisionRequirements()
        .forEach(
            d -> {
              decisionFiles.put(d.getDecisionRequirementsKey(), d.getResourceName());
              if (!byDecisionId) {
                definitions.add(
                    new DeployedDefinition(
                        "decision",
                        d.getDmnDecisionRequirementsId(),
                        d.getVersion(),
                        d.getDecisionRequirementsKey(),
                        d.getResourceName()));
              }
            });
    if (byDecisionId) {
      event
          .getDecisions()
          .forEach(
              d ->
                  definitions.add(
                      new DeployedDefinition(
                          "decision",
                          d.getDmnDecisionId(),
                          d.getVersion(),
                          d.getDecisionKey(),
                          decisionFiles.get(d.getDecisionRequirementsKey()))));
    }
    event
        .getForm()
        .forEach(
            f ->
                definitions.add(
                    new DeployedDefinition(
                        "form",
                        f.getFormId(),
                        f.getVersion(),
                        f.getFormKey(),
                        f.getResourceName())));
    return definitions;
  }

  private static void checkIdsMatchFileNames(List<DeployedDefinition> definitions) {
    List<String> mismatches =
        definitions.stream()
            .filter(d -> !d.kind().equals("decision"))
            .filter(d -> !baseName(d.resourceName()).equals(d.id()))
            .map(d -> d.resourceName() + " declares " + d.kind() + " id '" + d.id() + "'")
            .toList();
    if (!mismatches.isEmpty()) {
      throw new ProcessDeploymentException(
          "A definition's id must equal its file name without extension: "
              + String.join("; ", mismatches));
    }
  }

  private static String baseName(String resourceName) {
    String file = resourceName.substring(resourceName.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }
}
