package com.partnerflow.engine;

/** The engine refused a deployment; the message is the engine's own, verbatim. */
public class DeploymentRejectedException extends RuntimeException {

  public DeploymentRejectedException(String engineMessage, Throwable cause) {
    super(engineMessage, cause);
  }
}
