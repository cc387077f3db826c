package com.partnerflow.processowner;

import com.partnerflow.engine.DeployedDefinitions;
import com.partnerflow.processowner.internal.DeploymentRecords;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Which version of a decision a process instance evaluates. Every business rule task in {@code
 * bpmn/} is bound to its deployment ({@code bindingType="deployment"}), so an instance evaluates
 * the decision deployed together with its process version: a request keeps the tables it started
 * with, whatever is deployed later. The answer comes from the deployments this service made (at
 * startup and through {@code POST /api/deployments}), so it is the same on the embedded engine and
 * on a cluster.
 */
@Service
public class DecisionVersions {

  /** A decision version: its id, the engine's version number and decision key. */
  public record DecisionVersion(String decisionId, int version, long decisionKey) {

    /** How the audit trail names it, e.g. {@code mdf-approval-routing version 2}. */
    @Override
    public String toString() {
      return decisionId + " version " + version;
    }
  }

  private final DeployedDefinitions startup;
  private final DeploymentRecords history;

  DecisionVersions(DeployedDefinitions startup, DeploymentRecords history) {
    this.startup = startup;
    this.history = history;
  }

  /**
   * The version of {@code decisionId} that instances of the process definition evaluate; empty when
   * the definition was deployed neither by this service's start nor through it (e.g. by an older
   * release on a cluster, or with another tool).
   */
  public Optional<DecisionVersion> boundTo(long processDefinitionKey, String decisionId) {
    boolean fromStartup =
        startup.ofKind("process").stream().anyMatch(p -> p.key() == processDefinitionKey);
    if (fromStartup) {
      return startup.decisions().stream()
          .filter(d -> d.id().equals(decisionId))
          .findFirst()
          .map(d -> new DecisionVersion(d.id(), d.version(), d.key()));
    }
    return history.decisionsDeployedWith(processDefinitionKey).stream()
        .filter(d -> d.definitionId().equals(decisionId))
        .findFirst()
        .map(d -> new DecisionVersion(d.definitionId(), d.version(), d.definitionKey()));
  }
}
