package com.partnerflow.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.TemporarilyUnavailableException;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@code dispute-window} decision of {@code bpmn/dispute-policy.dmn}, evaluated by the engine
 * (so a process owner's change applies at once): how long after a decision it may be disputed, and
 * after how long an unconfirmed payment is late.
 */
@Component
class DisputePolicy {

  static final String WINDOW_DECISION = "dispute-window";

  /** The decision's answer for one subject type. */
  record Window(Duration disputeWindow, Duration paymentLateAfter) {}

  private final CamundaClient client;
  private final ObjectMapper json;

  DisputePolicy(CamundaClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  Window window(SubjectType type) {
    String output;
    try {
      output =
          client
              .newEvaluateDecisionCommand()
              .decisionId(WINDOW_DECISION)
              .variables(Map.of("subjectType", type.name()))
              .send()
              .join()
              .getDecisionOutput();
    } catch (RuntimeException e) {
      throw new TemporarilyUnavailableException(
          "The process engine did not evaluate the dispute window; try again", e);
    }
    try {
      JsonNode result = json.readTree(output);
      return new Window(
          duration(result.path("disputeWindow").asText()),
          duration(result.path("paymentLateAfter").asText()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Unreadable answer of " + WINDOW_DECISION + ": " + output, e);
    }
  }

  /**
   * ISO 8601 in days ({@code P30D}, {@code P2W}) or times ({@code PT12H}); months and years are
   * refused, as their length would depend on the date.
   */
  static Duration duration(String iso) {
    if (iso.contains("T")) {
      return Duration.parse(iso);
    }
    Period period = Period.parse(iso);
    if (period.toTotalMonths() != 0) {
      throw new IllegalArgumentException("Give " + iso + " in days or hours, not months or years");
    }
    return Duration.ofDays(period.getDays());
  }
}
