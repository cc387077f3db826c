package com.partnerflow.common;

/** A system the request depends on (the engine, mail) did not answer; try again later (503). */
public class TemporarilyUnavailableException extends RuntimeException {

  public TemporarilyUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
