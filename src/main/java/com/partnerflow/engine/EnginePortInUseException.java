package com.partnerflow.engine;

/** The embedded engine's gRPC port is taken by another process. */
public class EnginePortInUseException extends RuntimeException {

  private final int port;

  EnginePortInUseException(int port, Throwable cause) {
    super("Port " + port + " for the embedded Zeebe engine is already in use", cause);
    this.port = port;
  }

  public int port() {
    return port;
  }
}
