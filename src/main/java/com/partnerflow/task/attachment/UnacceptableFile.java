package com.partnerflow.task.attachment;

import org.springframework.http.HttpStatus;

/** An upload refused for what the file is: too large (413) or of a type not accepted (415). */
class UnacceptableFile extends RuntimeException {

  private final HttpStatus status;
  private final String field;
  private final String reason;

  private UnacceptableFile(HttpStatus status, String field, String reason) {
    super(field + " " + reason);
    this.status = status;
    this.field = field;
    this.reason = reason;
  }

  static UnacceptableFile tooLarge(String field, String reason) {
    return new UnacceptableFile(HttpStatus.PAYLOAD_TOO_LARGE, field, reason);
  }

  static UnacceptableFile unsupportedType(String field, String reason) {
    return new UnacceptableFile(HttpStatus.UNSUPPORTED_MEDIA_TYPE, field, reason);
  }

  HttpStatus status() {
    return status;
  }

  String field() {
    return field;
  }

  String reason() {
    return reason;
  }
}
