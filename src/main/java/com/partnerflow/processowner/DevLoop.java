package com.partnerflow.processowner;

import com.partnerflow.processowner.internal.DeploymentRecord;
import com.partnerflow.processowner.internal.Finding;
import com.partnerflow.processowner.internal.ResourceReader;
import com.partnerflow.processowner.internal.UploadRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dev loop: watches the configured folders ({@code bpmn/} and {@code forms/}) and deploys every
 * changed or new {@code .bpmn}, {@code .dmn} and {@code .form} file through the same compatibility
 * check as {@code POST /api/deployments}, without a restart. Each attempt is logged, stored in the
 * deployment history (deployer {@value #DEPLOYER}) and kept for the deployments page. The files
 * present at the first look are taken as deployed (the service deployed them at its start).
 * Embedded mode only: a cluster is changed through its own pipeline.
 */
@Component
@ConditionalOnProperty(
    name = {"partnerflow.deployments.watch.enabled", "partnerflow.engine.embedded"},
    havingValue = "true")
public class DevLoop {

  static final String DEPLOYER = "dev loop (files on disk)";
  private static final int KEPT = 20;
  private static final Logger log = LoggerFactory.getLogger(DevLoop.class);

  /**
   * One attempt: the files that changed, and what became of them.
   *
   * @param outcome {@code DEPLOYED}, {@code REFUSED} (the check or the engine found errors) or
   *     {@code UNREADABLE} (not a file the service takes, e.g. half-written XML)
   */
  public record Attempt(
      Instant at,
      List<String> files,
      String outcome,
      String detail,
      Long deploymentId,
      List<Finding> findings) {}

  private final Deployments deployments;
  private final DevLoopProperties properties;
  private final Clock clock;
  private final Map<Path, String> seen = new LinkedHashMap<>();
  private final Deque<Attempt> attempts = new ArrayDeque<>();
  private boolean looked;

  DevLoop(Deployments deployments, DevLoopProperties properties, Clock clock) {
    this.deployments = deployments;
    this.properties = properties;
    this.clock = clock;
    log.info(
        "Dev loop: changes to .bpmn, .dmn and .form files in {} are checked and deployed",
        properties.directories().stream().map(p -> p.toAbsolutePath().normalize()).toList());
  }

  /** The folders watched, as absolute paths. */
  public List<Path> directories() {
    return properties.directories().stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /** Whether the folders were looked at once: from then on, changes are deployed. */
  synchronized boolean hasLooked() {
    return looked;
  }

  /** The latest attempts, newest first. */
  public synchronized List<Attempt> recent() {
    return List.copyOf(attempts);
  }

  @Scheduled(
      fixedDelayString = "${partnerflow.deployments.watch.interval:PT1S}",
      initialDelayString = "${partnerflow.deployments.watch.interval:PT1S}")
  synchronized void look() {
    Map<Path, byte[]> changed = new LinkedHashMap<>();
    for (Path file : files()) {
      try {
        byte[] content = Files.readAllBytes(file);
        String sha = Deployments.sha256(content);
        if (!sha.equals(seen.put(file, sha)) && looked) {
          changed.put(file, content);
        }
      } catch (IOException e) {
        log.warn("Dev loop: cannot read {}: {}", file, e.getMessage());
      }
    }
    looked = true;
    if (!changed.isEmpty()) {
      deploy(changed);
    }
  }

  private void deploy(Map<Path, byte[]> changed) {
    List<String> names = changed.keySet().stream().map(p -> p.getFileName().toString()).toList();
    List<ResourceReader.Upload> uploads = new ArrayList<>();
    changed.forEach(
        (p, c) -> uploads.add(new ResourceReader.Upload(p.getFileName().toString(), c)));
    Attempt attempt;
    try {
      DeploymentRecord record = deployments.deploy(uploads, DEPLOYER);
      attempt = attempt(names, "DEPLOYED", definitions(record), record);
      log.info("Dev loop: deployed {}: {}", names, attempt.detail());
    } catch (DeploymentRefused e) {
      attempt = attempt(names, "REFUSED", "nothing deployed", e.record());
      log.warn(
          "Dev loop: refused {}: {}",
          names,
          e.record().getFindings().stream()
              .filter(Finding::isError)
              .map(
                  f -> f.resourceName() + " " + f.elementId() + " " + f.rule() + ": " + f.message())
              .toList());
    } catch (UploadRefusedException e) {
      attempt = new Attempt(clock.instant(), names, "UNREADABLE", e.getMessage(), null, List.of());
      log.warn("Dev loop: cannot deploy {}: {}", names, e.getMessage());
    }
    attempts.addFirst(attempt);
    while (attempts.size() > KEPT) {
      attempts.removeLast();
    }
  }

  private Attempt attempt(List<String> names, String outcome, String detail, DeploymentRecord r) {
    return new Attempt(clock.instant(), names, outcome, detail, r.getId(), r.getFindings());
  }

  private static String definitions(DeploymentRecord record) {
    return String.join(
        ", ",
        record.getResources().stream()
            .map(r -> r.kind() + " " + r.definitionId() + " version " + r.version())
            .toList());
  }

  private List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (Path dir : directories()) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> all = Files.walk(dir)) {
        all.filter(Files::isRegularFile)
            .filter(
                p -> {
                  String name = p.getFileName().toString();
                  return name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form");
                })
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        log.warn("Dev loop: cannot list {}: {}", dir, e.getMessage());
      }
    }
    return files;
  }
}
