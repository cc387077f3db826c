package com.partnerflow.demo;

import java.util.Set;

/** One demo login, as listed in the startup summary and the README. */
public record DemoUser(
    String username, String displayName, String partnerName, Set<String> groups) {

  public String describe() {
    return partnerName != null ? "partner user of " + partnerName : String.join(", ", groups);
  }
}
