package com.partnerflow.engine;

import java.util.List;
import java.util.Optional;
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

  void replaceWith(List<DeployedDefinition> deployed) {
    definitions.set(List.copyOf(deployed));
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
