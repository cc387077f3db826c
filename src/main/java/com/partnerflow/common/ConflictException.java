package com.partnerflow.common;

/** The request collides with the current state (already done, taken, duplicate); answered 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
