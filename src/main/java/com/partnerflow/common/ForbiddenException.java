package com.partnerflow.common;

/**
 * The caller may know the thing exists but may not do this to it, e.g. a partner user who is not
 * the partner's admin; answered 403. Use {@link NotFoundException} where the caller may not even
 * know it exists (another organisation's data).
 */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
