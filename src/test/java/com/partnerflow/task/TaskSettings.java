package com.partnerflow.task;

import java.time.Duration;

/** The task inbox's settings at their defaults, for unit tests that build the inbox by hand. */
final class TaskSettings {

  private TaskSettings() {}

  static TaskProperties defaults() {
    return new TaskProperties(
        Duration.ofHours(1),
        Duration.ofSeconds(20),
        500,
        1_000_000,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5));
  }
}
