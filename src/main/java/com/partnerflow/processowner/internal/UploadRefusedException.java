package com.partnerflow.processowner.internal;

/**
 * An uploaded file cannot be checked at all: not the kind its extension says, unsafe XML, or too
 * large. Nothing is deployed.
 */
public class UploadRefusedException extends RuntimeException {

  private final String field;
  private final boolean tooLarge;

  UploadRefusedException(String field, String message, boolean tooLarge) {
    super(message);
    this.field = field;
    this.tooLarge = tooLarge;
  }

  /** The multipart part, e.g. {@code files[1]}. */
  public String field() {
    return field;
  }

  /** Over the size cap (413) rather than unreadable (400). */
  public boolean tooLarge() {
    return tooLarge;
  }
}
