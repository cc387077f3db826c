package com.partnerflow.engine;

/**
 * The engine rejected, or the service could not read, a file of {@code bpmn/} or {@code forms/}.
 */
public class ProcessDeploymentException extends RuntimeException {

  ProcessDeploymentException(String message, Throwable cause) {
    super(message, cause);
  }

  ProcessDeploymentException(String message) {
    super(message);
  }
}
