package com.partnerflow.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * What this instance deployed at startup. Every instance deploys the same files and the engine
 * de-duplicates them, so each instance holds the same answer without shared state.
 */
@Component
public class DeployedDefinitions {

  private final AtomicReference<List<DeployedDefinition>> definitions =
      new AtomicReference<>(List.of());
  private final AtomicReference<Set<String>> decisionIds = new AtomicReference<>(Set.of());
  private volatile Instant deployedAt;

  void replaceWith(List<DeployedDefinition> deployed) {
    replaceWith(deployed, Set.of());
  }

  void replaceWith(List<DeployedDefinition> deployed, Set<String> decisions) {
    definitions.set(List.copyOf(deployed));
    decisionIds.set(Set.copyOf(decisions));
    deployedAt = Instant.now();
  }

  /**
   * The ids of the decisions (not of their decision requirements graphs, which {@link #all()}
   * lists) that the startup deployment holds: what a business rule task's {@code decisionId} names.
   */
  public Set<String> decisionIds() {
    return decisionIds.get();
  }

  /** When this instance's startup deployment was answered; {@code null} before it. */
  public Instant deployedAt() {
    return deployedAt;
  }

  public List<DeployedDefinition> all() {
    return definitions.get();
  }

  public List<DeployedDefinition> ofKind(String kind) {
    return all().stream().filter(d -> d.kind().equals(kind)).toList();
  }

  public Optional<DeployedDefinition> process(String bpmnProcessId) {
    return ofKind("process").stream().filter(d -> d.id().equals(bpmnProcessId)).findFirst();
  }
}
