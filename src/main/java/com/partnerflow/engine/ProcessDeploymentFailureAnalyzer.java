package com.partnerflow.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a rejected BPMN, DMN or form by file name and the engine's reason, without the soup. */
class ProcessDeploymentFailureAnalyzer extends AbstractFailureAnalyzer<ProcessDeploymentException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ProcessDeploymentException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the named file in bpmn/ or forms/ (open it in Camunda Modeler to see the problem)"
            + " and start the service again.",
        cause);
  }
}
