package com.partnerflow.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken engine port into one clear startup message instead of a stack trace. */
class EnginePortInUseFailureAnalyzer extends AbstractFailureAnalyzer<EnginePortInUseException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EnginePortInUseException cause) {
    return new FailureAnalysis(
        "The embedded Zeebe engine could not listen on port " + cause.port() + ": it is in use.",
        "Stop the process using port "
            + cause.port()
            + " or choose another one with partnerflow.engine.port"
            + " (environment variable PARTNERFLOW_ENGINE_PORT).",
        cause);
  }
}
