package com.partnerflow.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What this instance deployed at startup. Every instance deploys the same files and the engine
 * de-duplicates them, so each instance holds the same answer without shared state.
 */
@Component
public class DeployedDefinitions {

  private final AtomicReference<List<DeployedDefinition>> definitions =
      new AtomicReference<>(List.of());
  private final AtomicReference<List<DeployedDefinition>> decisions =
      new AtomicReference<>(List.of());
  private volatile Instant deployedAt;

  void replaceWith(List<DeployedDefinition> deployed) {
    replaceWith(deployed, List.of());
  }

  void replaceWith(List<DeployedDefinition> deployed, List<DeployedDefinition> byDecisionId) {
    definitions.set(List.copyOf(deployed));
    decisions.set(List.copyOf(byDecisionId));
    deployedAt = Instant.now();
  }

  /**
   * The ids of the decisions (not of their decision requirements graphs, which {@link #all()}
   * lists) that the startup deployment holds: what a business rule task's {@code decisionId} names.
   */
  public Set<String> decisionIds() {
    return decisions.get().stream().map(DeployedDefinition::id).collect(Collectors.toSet());
  }

  /**
   * The decisions of the startup deployment, each by its own id with its version and key: what a
   * business rule task bound to this deployment ({@code bindingType="deployment"}) evaluates.
   */
  public List<DeployedDefinition> decisions() {
    return decisions.get();
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
