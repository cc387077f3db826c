package com.partnerflow.processowner;

import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.engine.DeployedDefinitions;
import com.partnerflow.processowner.internal.DeploymentRecord;
import com.partnerflow.processowner.internal.DeploymentRecords;
import com.partnerflow.processowner.internal.InstanceCounts;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.MigrateProcessInstanceCommandStep1.MigrateProcessInstanceCommandFinalStep;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Moves running instances of one process version to another with Zeebe's process instance
 * migration. The mapping of element ids is proposed from the ids both versions share (with the same
 * element type); the process owner may edit it before confirming. Each instance is migrated on its
 * own, and the outcome is answered per instance.
 */
@Service
class ProcessMigration {

  private static final Logger log = LoggerFactory.getLogger(ProcessMigration.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final CamundaClient client;
  private final DeployedDefinitions startup;
  private final DeploymentRecords history;
  private final InstanceCounts instances;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  ProcessMigration(
      CamundaClient client,
      DeployedDefinitions startup,
      DeploymentRecords history,
      InstanceCounts instances) {
    this.client = client;
    this.startup = startup;
    this.history = history;
    this.instances = instances;
  }

  /** An element id of the source version and the element of the target version it moves to. */
  record Mapping(String source, String target) {}

  /** An element of a version: its id, name and BPMN type. */
  record Element(String id, String name, String type) {}

  /**
   * What to migrate: the proposed mapping, the source's elements no target element matches (to map
   * by hand or leave: an instance waiting there cannot be migrated), and the running instances of
   * the source ({@code null} on a cluster, where the service cannot see them).
   */
  record Proposal(
      long sourceProcessDefinitionKey,
      long targetProcessDefinitionKey,
      String bpmnProcessId,
      List<Mapping> mappings,
      List<Element> unmapped,
      List<Element> targetElements,
      List<Long> runningInstances) {}

  /** A migration request, as {@code POST /api/process-instances/migration} takes it. */
  record Request(
      Long sourceProcessDefinitionKey,
      Long targetProcessDefinitionKey,
      List<Mapping> mappings,
      List<Long> processInstanceKeys) {}

  /** The outcome for one instance; {@code error} is the engine's refusal when not migrated. */
  record Outcome(long key, boolean migrated, String error) {}

  Proposal propose(long source, long target) {
    Version from = version(source, "source");
    Version to = version(target, "target");
    Map<String, Element> targetById = new LinkedHashMap<>();
    elements(to.model()).forEach(e -> targetById.put(e.id(), e));
    List<Mapping> mappings = new ArrayList<>();
    List<Element> unmapped = new ArrayList<>();
    for (Element e : elements(from.model())) {
      Element match = targetById.get(e.id());
      if (match != null && match.type().equals(e.type())) {
        mappings.add(new Mapping(e.id(), e.id()));
      } else {
        unmapped.add(e);
      }
    }
    return new Proposal(
        source,
        target,
        from.bpmnProcessId(),
        mappings,
        unmapped,
        List.copyOf(targetById.values()),
        instances.runningInstances(source).orElse(null));
  }

  List<Outcome> migrate(Request request) {
    validate(request);
    Optional<List<Long>> running = instances.runningInstances(request.sourceProcessDefinitionKey());
    List<Outcome> outcomes = new ArrayList<>();
    for (long key : request.processInstanceKeys()) {
      if (running.isPresent() && !running.get().contains(key)) {
        outcomes.add(
            new Outcome(
                key,
                false,
                "Not a running instance of process definition "
                    + request.sourceProcessDefinitionKey()));
        continue;
      }
      outcomes.add(migrate(key, request));
    }
    return outcomes;
  }

  private Outcome migrate(long key, Request request) {
    var command =
        client
            .newMigrateProcessInstanceCommand(key)
            .migrationPlan(request.targetProcessDefinitionKey());
    MigrateProcessInstanceCommandFinalStep last = null;
    for (Mapping m : request.mappings()) {
      last =
          last == null
              ? command.addMappingInstruction(m.source(), m.target())
              : last.addMappingInstruction(m.source(), m.target());
    }
    try {
      last.requestTimeout(TIMEOUT).send().join();
      log.info(
          "Migrated process instance {} from {} to {}",
          key,
          request.sourceProcessDefinitionKey(),
          request.targetProcessDefinitionKey());
      return new Outcome(key, true, null);
    } catch (ClientException e) {
      return new Outcome(key, false, e.getMessage());
    }
  }

  private void validate(Request request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.sourceProcessDefinitionKey() == null) {
      problems.add(new FieldProblem("sourceProcessDefinitionKey", "is required"));
    }
    if (request.targetProcessDefinitionKey() == null) {
      problems.add(new FieldProblem("targetProcessDefinitionKey", "is required"));
    } else if (request.targetProcessDefinitionKey().equals(request.sourceProcessDefinitionKey())) {
      problems.add(
          new FieldProblem("targetProcessDefinitionKey", "must differ from the source definition"));
    }
    if (request.mappings() == null || request.mappings().isEmpty()) {
      problems.add(new FieldProblem("mappings", "at least one mapping is needed"));
    } else {
      for (int i = 0; i < request.mappings().size(); i++) {
        Mapping m = request.mappings().get(i);
        if (m == null || isBlank(m.source()) || isBlank(m.target())) {
          problems.add(
              new FieldProblem("mappings[" + i + "]", "needs a source and a target element id"));
        }
      }
    }
    if (request.processInstanceKeys() == null || request.processInstanceKeys().isEmpty()) {
      problems.add(new FieldProblem("processInstanceKeys", "at least one instance is needed"));
    } else if (request.processInstanceKeys().stream().anyMatch(k -> k == null)) {
      problems.add(new FieldProblem("processInstanceKeys", "must not contain null"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private record Version(String bpmnProcessId, BpmnModelInstance model) {}

  /** The diagram of a process version deployed at startup or through the service. */
  private Version version(long key, String side) {
    Optional<String> xml =
        startup.ofKind("process").stream()
            .filter(d -> d.key() == key)
            .findFirst()
            .map(d -> classpathFile(d.resourceName()));
    if (xml.isEmpty()) {
      for (DeploymentRecord d :
          history.findAllByOutcomeOrderByDeployedAtAscIdAsc(DeploymentRecord.Outcome.DEPLOYED)) {
        for (DeploymentRecord.Resource r : d.getResources()) {
          if (r.kind().equals("process") && r.definitionKey() == key) {
            xml =
                d.getFiles().stream()
                    .filter(f -> f.resourceName().equals(r.resourceName()))
                    .map(DeploymentRecord.File::content)
                    .findFirst();
          }
        }
      }
    }
    BpmnModelInstance model =
        Bpmn.readModelFromStream(
            new ByteArrayInputStream(
                xml.orElseThrow(
                        () ->
                            new NotFoundException("Process definition " + key + " (" + side + ")"))
                    .getBytes(StandardCharsets.UTF_8)));
    String processId =
        model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class).stream()
            .findFirst()
            .map(io.camunda.zeebe.model.bpmn.instance.Process::getId)
            .orElse(null);
    return new Version(processId, model);
  }

  private String classpathFile(String resourceName) {
    try {
      Resource[] files = resolver.getResources("classpath*:bpmn/**/" + resourceName);
      return files.length == 0 ? null : files[0].getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The elements an instance can wait at: every flow node but start and end events. */
  private static List<Element> elements(BpmnModelInstance model) {
    return model.getModelElementsByType(FlowNode.class).stream()
        .filter(n -> !(n instanceof StartEvent) && !(n instanceof EndEvent))
        .map(n -> new Element(n.getId(), n.getName(), n.getElementType().getTypeName()))
        .toList();
  }
}
