package com.partnerflow.processowner.internal;

import com.partnerflow.engine.WorkerVariables;
import java.util.Set;

/**
 * What the worker of a job type needs and sets ({@link WorkerVariables}); {@code declared} is false
 * for a worker without the annotation, whose variables are then unknown.
 */
public record WorkerContract(Set<String> requires, Set<String> produces, boolean declared) {

  static WorkerContract of(WorkerVariables variables) {
    return variables == null
        ? new WorkerContract(Set.of(), Set.of(), false)
        : new WorkerContract(Set.of(variables.requires()), Set.of(variables.produces()), true);
  }
}
