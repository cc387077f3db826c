package com.partnerflow.task.form;

/** A form schema the server cannot validate against; the message names what is wrong. */
public class InvalidFormSchemaException extends RuntimeException {

  public InvalidFormSchemaException(String message) {
    super(message);
  }

  public InvalidFormSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
