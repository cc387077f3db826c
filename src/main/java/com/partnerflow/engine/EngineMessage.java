package com.partnerflow.engine;

import java.time.Duration;
import java.util.Map;

/**
 * A message for the engine, sent through the outbox ({@link EngineMessages}).
 *
 * @param name the message name the process waits for (or starts with)
 * @param correlationKey which instance (or, for a start message, which submission) it is for
 * @param messageId unique per message, at most 255 characters: the engine refuses a second message
 *     with the same id while it keeps the first, so a message sent again arrives once
 * @param timeToLive how long the engine keeps it; {@code null}: {@code
 *     partnerflow.engine.messages.time-to-live}
 * @param variables the variables the message carries
 */
public record EngineMessage(
    String name,
    String correlationKey,
    String messageId,
    Duration timeToLive,
    Map<String, ?> variables) {

  public EngineMessage {
    require(name, "name");
    require(correlationKey, "correlation key");
    require(messageId, "message id");
    variables = Map.copyOf(variables);
  }

  /**
   * The message that starts a process for a submission: its id (also its message id, so one
   * submission starts one instance) as correlation key.
   */
  public static EngineMessage start(String name, String submissionId, Map<String, ?> variables) {
    return new EngineMessage(name, submissionId, submissionId, null, variables);
  }

  private static void require(String value, String what) {
    if (value == null || value.isBlank() || value.length() > 255) {
      throw new IllegalArgumentException(
          "An engine message needs a " + what + " of 1 to 255 characters");
    }
  }
}
