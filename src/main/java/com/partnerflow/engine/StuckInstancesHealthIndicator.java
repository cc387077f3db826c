package com.partnerflow.engine;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code stuckInstances} in {@code /actuator/health}: {@code DEGRADED} with the count and the
 * instances while the embedded engine has given up on any. It is not part of the readiness group: a
 * stuck case needs a process owner, not a restart or less traffic.
 */
class StuckInstancesHealthIndicator extends AbstractHealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "Process instances are stuck");

  private final StuckInstances stuck;

  StuckInstancesHealthIndicator(StuckInstances stuck) {
    this.stuck = stuck;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    var current = stuck.current();
    builder.status(current.isEmpty() ? Status.UP : DEGRADED).withDetail("count", current.size());
    if (!current.isEmpty()) {
      builder.withDetail(
          "instances",
          current.stream()
              .map(
                  i ->
                      "%d %s/%s since %s: %s"
                          .formatted(
                              i.processInstanceKey(),
                              i.bpmnProcessId(),
                              i.elementId(),
                              i.since(),
                              i.error()))
              .toList());
    }
  }
}
