package com.partnerflow.processowner.internal;

import com.partnerflow.engine.DeployedDefinition;
import com.partnerflow.engine.DeployedDefinitions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The content of every version of a process, decision or form the service knows: those deployed
 * from {@code bpmn/} and {@code forms/} at its start (read from the class path) and those process
 * owners deployed through the service (read from the stored deployment files). What the editors
 * open and the history compares.
 */
@Component
public class DefinitionRevisions {

  /** Who deployed the versions of {@code bpmn/} and {@code forms/}: the service, at its start. */
  public static final String STARTUP_DEPLOYER = "service start (bpmn/)";

  /**
   * One version of a definition with the file it was deployed from.
   *
   * @param kind {@code process}, {@code decision} or {@code form}
   * @param id the bpmnProcessId, decision id or form id
   * @param content the file as deployed (XML or form JSON)
   */
  public record Revision(
      String kind,
      String id,
      int version,
      Instant deployedAt,
      String deployedBy,
      String resourceName,
      String content) {}

  private final DeployedDefinitions startup;
  private final DeploymentRecords history;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  public DefinitionRevisions(DeployedDefinitions startup, DeploymentRecords history) {
    this.startup = startup;
    this.history = history;
  }

  /** Every known version of a definition, oldest first; the first deployment of a version wins. */
  public List<Revision> of(String kind, String id) {
    Map<Integer, Revision> byVersion = new LinkedHashMap<>();
    startupRevision(kind, id).ifPresent(r -> byVersion.put(r.version(), r));
    List<DeploymentRecord> deployed =
        new ArrayList<>(
            history.findAll().stream()
                .filter(d -> d.getOutcome() == DeploymentRecord.Outcome.DEPLOYED)
                .sorted(Comparator.comparing(DeploymentRecord::getId))
                .toList());
    for (DeploymentRecord d : deployed) {
      for (DeploymentRecord.Resource r : d.getResources()) {
        if (!r.kind().equals(kind) || !r.definitionId().equals(id)) {
          continue;
        }
        d.getFiles().stream()
            .filter(f -> f.resourceName().equals(r.resourceName()))
            .findFirst()
            .ifPresent(
                f ->
                    byVersion.putIfAbsent(
                        r.version(),
                        new Revision(
                            kind,
                            id,
                            r.version(),
                            d.getDeployedAt(),
                            d.getDeployedBy(),
                            f.resourceName(),
                            f.content())));
      }
    }
    return byVersion.values().stream().sorted(Comparator.comparingInt(Revision::version)).toList();
  }

  /**
   * The ids of every process, decision and form deployed at startup or through the service, by
   * kind, sorted.
   */
  public Map<String, Set<String>> ids() {
    Map<String, Set<String>> ids = new LinkedHashMap<>();
    for (String kind : List.of("process", "decision", "form")) {
      ids.put(kind, new TreeSet<>());
    }
    startup.ofKind("process").forEach(d -> ids.get("process").add(d.id()));
    startup.ofKind("form").forEach(d -> ids.get("form").add(d.id()));
    ids.get("decision").addAll(startup.decisionIds());
    history.deployedVersions().stream()
        .filter(v -> ids.containsKey(v.kind()))
        .forEach(v -> ids.get(v.kind()).add(v.definitionId()));
    return ids;
  }

  /** The newest version, what the engine starts new instances of. */
  public Optional<Revision> latest(String kind, String id) {
    List<Revision> all = of(kind, id);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
  }

  public Optional<Revision> version(String kind, String id, int version) {
    return of(kind, id).stream().filter(r -> r.version() == version).findFirst();
  }

  /**
   * The version deployed at startup. Processes and forms are listed by their own id; decisions by
   * their decision requirements graph, so a decision is found in the DMN file that declares it (its
   * version is the graph's, the same for a graph deployed once).
   */
  private Optional<Revision> startupRevision(String kind, String id) {
    for (DeployedDefinition d : startup.ofKind(kind)) {
      if (kind.equals("decision") && !startup.decisionIds().contains(id)) {
        continue;
      }
      if (!kind.equals("decision") && !d.id().equals(id)) {
        continue;
      }
      Optional<String> content = classpathFile(d.resourceName());
      if (content.isEmpty()
          || (kind.equals("decision") && !DmnRuleDiff.declaresDecision(content.get(), id))) {
        continue;
      }
      return Optional.of(
          new Revision(
              kind,
              id,
              d.version(),
              startup.deployedAt(),
              STARTUP_DEPLOYER,
              d.resourceName(),
              content.get()));
    }
    return Optional.empty();
  }

  private Optional<String> classpathFile(String resourceName) {
    String folder = resourceName.endsWith(".form") ? "forms" : "bpmn";
    try {
      Resource[] files = resolver.getResources("classpath*:" + folder + "/**/" + resourceName);
      if (files.length == 0) {
        return Optional.empty();
      }
      return Optional.of(files[0].getContentAsString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resourceName, e);
    }
  }
}
