package com.partnerflow.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link WorkerVariablesGuard} treats a worker that sets a variable its {@link WorkerVariables}
 * does not declare, or lacks the annotation.
 *
 * @param undeclared {@code log} (the default) writes a warning and lets the job complete; {@code
 *     fail} fails the job, as the test suites run, so that every declaration is proven by the
 *     process tests
 */
@ConfigurationProperties("partnerflow.engine.worker-variables")
public record WorkerVariablesProperties(@DefaultValue("log") Undeclared undeclared) {

  public enum Undeclared {
    LOG,
    FAIL
  }
}
