package com.partnerflow.processowner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.engine.DeployedDefinition;
import com.partnerflow.engine.DeployedDefinitions;
import com.partnerflow.engine.DeploymentRejectedException;
import com.partnerflow.engine.EngineProperties;
import com.partnerflow.engine.ProcessVariables;
import com.partnerflow.engine.ResourceDeployment;
import com.partnerflow.identity.Users;
import com.partnerflow.processowner.internal.CompatibilityCheck;
import com.partnerflow.processowner.internal.DecisionInputs;
import com.partnerflow.processowner.internal.DeployedVersion;
import com.partnerflow.processowner.internal.DeploymentBinding;
import com.partnerflow.processowner.internal.DeploymentRecord;
import com.partnerflow.processowner.internal.DeploymentRecords;
import com.partnerflow.processowner.internal.Finding;
import com.partnerflow.processowner.internal.JobWorkerTypes;
import com.partnerflow.processowner.internal.Landscape;
import com.partnerflow.processowner.internal.ParsedResource;
import com.partnerflow.processowner.internal.ResourceReader;
import com.partnerflow.processowner.internal.VariableContracts;
import com.partnerflow.task.TaskForms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Deploys uploaded diagrams, decisions and forms after the compatibility check, and keeps every
 * attempt as history. Nothing reaches the engine while the check finds an error; the engine's own
 * refusal is kept as a finding.
 */
@Service
class Deployments {

  private static final Pattern ENGINE_ELEMENT = Pattern.compile("Element: ([A-Za-z_][\\w.-]*)");
  private static final Pattern ENGINE_RESOURCE = Pattern.compile("'([^']+\\.(?:bpmn|dmn|form))'");

  private final ResourceReader reader;
  private final ResourceDeployment engine;
  private final DeployedDefinitions startup;
  private final DeploymentRecords history;
  private final JobWorkerTypes workers;
  private final TaskForms forms;
  private final Users users;
  private final DeploymentsProperties properties;
  private final EngineProperties engineProperties;
  private final List<ProcessVariables> declaredVariables;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
  private final Clock clock;

  Deployments(
      ObjectMapper json,
      ResourceDeployment engine,
      DeployedDefinitions startup,
      DeploymentRecords history,
      JobWorkerTypes workers,
      TaskForms forms,
      Users users,
      DeploymentsProperties properties,
      EngineProperties engineProperties,
      List<ProcessVariables> declaredVariables,
      Clock clock) {
    this.declaredVariables = List.copyOf(declaredVariables);
    this.engineProperties = engineProperties;
    this.reader = new ResourceReader(json, properties.maxFileSize().toBytes());
    this.engine = engine;
    this.startup = startup;
    this.history = history;
    this.workers = workers;
    this.forms = forms;
    this.users = users;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Checks and deploys; a deployment with an error finding is stored as refused and thrown as
   * {@link DeploymentRefused}.
   */
  DeploymentRecord deploy(List<ResourceReader.Upload> uploads, String deployer) {
    List<Finding> findings = new ArrayList<>();
    List<ParsedResource> resources =
        DeploymentBinding.complete(reader.read(uploads), this::deployedFiles, findings);
    findings.addAll(new CompatibilityCheck(landscape()).check(resources));
    List<DeploymentRecord.File> files = resources.stream().map(Deployments::file).toList();
    if (findings.stream().anyMatch(Finding::isError)) {
      throw refused(deployer, files, findings);
    }
    ResourceDeployment.Outcome outcome;
    try {
      outcome =
          engine.deploy(
              resources.stream()
                  .map(r -> new ResourceDeployment.File(r.name(), r.content()))
                  .toList());
    } catch (DeploymentRejectedException e) {
      List<Finding> withEngine = new ArrayList<>(findings);
      withEngine.add(engineFinding(e.getMessage(), resources.getFirst().name()));
      throw refused(deployer, files, withEngine);
    }
    List<DeploymentRecord.Resource> deployed =
        outcome.definitions().stream()
            .map(
                d ->
                    new DeploymentRecord.Resource(
                        d.kind(), d.id(), d.version(), d.key(), d.resourceName()))
            .toList();
    return history.save(
        new DeploymentRecord(
            DeploymentRecord.Outcome.DEPLOYED,
            outcome.deploymentKey(),
            deployer,
            clock.instant(),
            files,
            deployed,
            findings));
  }

  private DeploymentRefused refused(
      String deployer, List<DeploymentRecord.File> files, List<Finding> findings) {
    DeploymentRecord record =
        history.save(
            new DeploymentRecord(
                DeploymentRecord.Outcome.REFUSED,
                null,
                deployer,
                clock.instant(),
                files,
                List.of(),
                findings));
    return new DeploymentRefused(record);
  }

  /** The engine's words verbatim, with the element and file it names when it names them. */
  static Finding engineFinding(String message, String firstResource) {
    Matcher element = ENGINE_ELEMENT.matcher(message);
    Matcher resource = ENGINE_RESOURCE.matcher(message);
    return Finding.error(
        resource.find() ? resource.group(1) : firstResource,
        element.find() ? element.group(1) : null,
        "engine",
        message);
  }

  /**
   * The diagrams and decisions deployed now: of each file name the one whose definitions have the
   * highest engine version, deployed from {@code bpmn/} at startup or through the service.
   */
  List<ParsedResource> deployedFiles() {
    Map<String, ResourceReader.Upload> latest = new LinkedHashMap<>();
    Map<String, Integer> versions = new HashMap<>();
    for (String pattern : engineProperties.deploymentResources()) {
      try {
        for (Resource file : resolver.getResources(pattern)) {
          String name = file.getFilename();
          if (name != null && (name.endsWith(".bpmn") || name.endsWith(".dmn"))) {
            latest.put(name, new ResourceReader.Upload(name, file.getContentAsByteArray()));
            versions.put(name, startupVersion(name));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (DeploymentRecord d :
        history.findAllByOutcomeOrderByDeployedAtAscIdAsc(DeploymentRecord.Outcome.DEPLOYED)) {
      for (DeploymentRecord.File f : d.getFiles()) {
        int version =
            d.getResources().stream()
                .filter(r -> r.resourceName().equals(f.resourceName()))
                .mapToInt(DeploymentRecord.Resource::version)
                .max()
                .orElse(0);
        if (!f.resourceName().endsWith(".form")
            && version >= versions.getOrDefault(f.resourceName(), 0)) {
          versions.put(f.resourceName(), version);
          latest.put(
              f.resourceName(),
              new ResourceReader.Upload(
                  f.resourceName(), f.content().getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    return reader.read(List.copyOf(latest.values()));
  }

  private int startupVersion(String resourceName) {
    return java.util.stream.Stream.concat(startup.all().stream(), startup.decisions().stream())
        .filter(d -> resourceName.equals(d.resourceName()))
        .mapToInt(DeployedDefinition::version)
        .max()
        .orElse(0);
  }

  Landscape landscape() {
    Map<String, String> processFiles = new HashMap<>();
    Set<String> decisions = new HashSet<>(startup.decisionIds());
    Set<String> formIds = new HashSet<>();
    for (DeployedDefinition d : startup.all()) {
      switch (d.kind()) {
        case "process" -> processFiles.put(d.id(), d.resourceName());
        case "form" -> formIds.add(d.id());
        default -> {}
      }
    }
    for (DeployedVersion v : history.deployedVersions()) {
      switch (v.kind()) {
        case "process" -> processFiles.putIfAbsent(v.definitionId(), v.resourceName());
        case "decision" -> decisions.add(v.definitionId());
        case "form" -> formIds.add(v.definitionId());
        default -> {}
      }
    }
    Set<String> groups = new HashSet<>(users.findAllGroupNames());
    groups.addAll(properties.knownGroups());
    return new Landscape(
        workers.all(),
        Set.copyOf(properties.externalJobTypes()),
        groups,
        forms::hasForm,
        formIds,
        processFiles,
        decisions,
        variableContracts());
  }

  /** What this service declares about variables, and what the deployed decisions read. */
  private VariableContracts variableContracts() {
    Map<String, Set<String>> starts = new HashMap<>();
    Map<String, Set<String>> messages = new HashMap<>();
    for (ProcessVariables declared : declaredVariables) {
      starts.put(declared.bpmnProcessId(), declared.start());
      messages.putAll(declared.messages());
    }
    Map<String, Set<String>> decisionInputs = new HashMap<>();
    for (ParsedResource file : deployedFiles()) {
      if (file instanceof ParsedResource.Dmn dmn) {
        decisionInputs.putAll(DecisionInputs.of(dmn.content()));
      }
    }
    return new VariableContracts(
        workers.contracts(), starts, messages, forms::submittedVariables, decisionInputs);
  }

  private static DeploymentRecord.File file(ParsedResource r) {
    return new DeploymentRecord.File(
        r.name(),
        sha256(r.content()),
        r.content().length,
        new String(r.content(), StandardCharsets.UTF_8));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
