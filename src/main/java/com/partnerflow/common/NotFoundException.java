package com.partnerflow.common;

/**
 * The thing does not exist or the caller may not know it exists; both answer 404 so that partners
 * cannot probe for another organisation's data.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
