package com.partnerflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.grpc.Status;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of messages to the engine: what a user did (a submission, a payment confirmation) is
 * stored together with its message in one transaction ({@link #enqueue}), so the engine being away
 * loses nothing, and the message is published with its id as the engine's message id, so it never
 * arrives twice — not after a lost answer, a crash between sending and recording, or two service
 * instances sending it at once.
 */
@Component
public class EngineMessages {

  private static final Logger log = LoggerFactory.getLogger(EngineMessages.class);
  private static final int ERROR_LENGTH = 1000;
  private static final String SELECT_PENDING =
      "SELECT message_id, message_name, correlation_key, variables_json, time_to_live_ms, claim,"
          + " failures, sent_at FROM engine_message";
  private static final RowMapper<Pending> PENDING =
      (rs, row) ->
          new Pending(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              Duration.ofMillis(rs.getLong(5)),
              rs.getInt(6),
              rs.getInt(7),
              rs.getTimestamp(8) != null);

  private final JdbcTemplate jdbc;
  private final CamundaClient client;
  private final ObjectMapper json;
  private final Clock clock;
  private final EngineMessageProperties properties;

  EngineMessages(
      JdbcTemplate jdbc,
      CamundaClient client,
      ObjectMapper json,
      Clock clock,
      EngineMessageProperties properties) {
    this.jdbc = jdbc;
    this.client = client;
    this.json = json;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Stores the message with the caller's writes: both are kept, or neither. A message whose id is
   * stored already is not stored again (a confirmation sent a second time).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(EngineMessage message) {
    Integer stored =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM engine_message WHERE message_id = ?",
            Integer.class,
            message.messageId());
    if (stored != null && stored > 0) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    Duration timeToLive =
        message.timeToLive() == null ? properties.timeToLive() : message.timeToLive();
    jdbc.update(
        "INSERT INTO engine_message (message_id, message_name, correlation_key, variables_json,"
            + " time_to_live_ms, created_at, claim, failures, next_attempt_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)",
        message.messageId(),
        message.name(),
        message.correlationKey(),
        variablesJson(message),
        timeToLive.toMillis(),
        now,
        now);
  }

  /**
   * Sends the stored message now, after its transaction committed; {@code true} once the engine has
   * it, {@code false} while it waits for its next attempt (the engine did not answer, or another
   * instance is sending it).
   */
  public boolean send(String messageId) {
    Pending pending =
        find(messageId)
            .orElseThrow(() -> new IllegalArgumentException("No engine message " + messageId));
    try {
      return pending.sent() || (claim(pending) && attempt(pending));
    } catch (DataAccessException e) {
      // What the caller stored is committed with its message: the relay sends (or records) it.
      log.warn("Could not send or record the message {} now: {}", messageId, e.getMessage());
      return false;
    }
  }

  /**
   * Sends the messages whose next attempt is due, oldest first, and stops at the first the engine
   * does not take (the rest would only wait for the same timeout); answers how many it sent.
   */
  public int sendDue() {
    List<Pending> due =
        jdbc.query(
            SELECT_PENDING
                + " WHERE sent_at IS NULL AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at LIMIT ?",
            PENDING,
            Timestamp.from(clock.instant()),
            properties.batchSize());
    int sent = 0;
    for (Pending message : due) {
      if (!claim(message)) {
        continue;
      }
      if (!attempt(message)) {
        break;
      }
      sent++;
    }
    return sent;
  }

  /** The messages the engine has not taken yet: how many, and since when the oldest waits. */
  public Backlog backlog() {
    return jdbc.queryForObject(
        "SELECT COUNT(*), MIN(created_at) FROM engine_message WHERE sent_at IS NULL",
        (rs, row) -> {
          Timestamp oldest = rs.getTimestamp(2);
          return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        });
  }

  /**
   * Messages waiting for the engine.
   *
   * @param pending how many
   * @param oldestSince when the oldest was stored, {@code null} without any
   */
  public record Backlog(long pending, Instant oldestSince) {}

  private Optional<Pending> find(String messageId) {
    return jdbc.query(SELECT_PENDING + " WHERE message_id = ?", PENDING, messageId).stream()
        .findFirst();
  }

  /**
   * Takes the message for one attempt: only one instance wins the conditional update, and the lease
   * keeps others away until the attempt has had its answer.
   */
  private boolean claim(Pending message) {
    Instant leaseEnds = clock.instant().plus(properties.lease());
    return jdbc.update(
            "UPDATE engine_message SET claim = claim + 1, next_attempt_at = ?"
                + " WHERE message_id = ? AND claim = ? AND sent_at IS NULL",
            Timestamp.from(leaseEnds),
            message.messageId(),
            message.claim())
        == 1;
  }

  private boolean attempt(Pending message) {
    Long messageKey;
    try {
      messageKey =
          client
              .newPublishMessageCommand()
              .messageName(message.name())
              .correlationKey(message.correlationKey())
              .messageId(message.messageId())
              .timeToLive(message.timeToLive())
              .variables(message.variablesJson())
              .requestTimeout(properties.sendTimeout())
              .send()
              .join()
              .getMessageKey();
    } catch (RuntimeException e) {
      if (!alreadyPublished(e)) {
        failed(message, e);
        return false;
      }
      // An earlier attempt reached the engine but its answer or its record was lost.
      messageKey = null;
    }
    jdbc.update(
        "UPDATE engine_message SET sent_at = ?, message_key = ?, last_error = NULL"
            + " WHERE message_id = ? AND sent_at IS NULL",
        Timestamp.from(clock.instant()),
        messageKey,
        message.messageId());
    return true;
  }

  private void failed(Pending message, RuntimeException e) {
    int failures = message.failures() + 1;
    Instant next = clock.instant().plus(properties.backoff().after(failures));
    String error = describe(e);
    log.warn(
        "The engine did not take the message {} {} (attempt {}); next attempt at {}: {}",
        message.name(),
        message.messageId(),
        failures,
        next,
        error);
    jdbc.update(
        "UPDATE engine_message SET failures = ?, last_error = ?, next_attempt_at = ?"
            + " WHERE message_id = ? AND claim = ?",
        failures,
        error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH),
        Timestamp.from(next),
        message.messageId(),
        message.claim() + 1);
  }

  /**
   * The engine refused a message because it still keeps one with the same id: the earlier send
   * arrived, so this one has nothing left to do.
   */
  private static boolean alreadyPublished(Throwable failure) {
    return switch (EngineAnswer.of(failure).orElse(null)) {
      case EngineAnswer.Grpc grpc -> grpc.code() == Status.Code.ALREADY_EXISTS;
      case EngineAnswer.Problem rest -> rest.status() == 409;
      case null -> false;
    };
  }

  /** The engine's answer: its status code first, where it sent one. */
  private static String describe(RuntimeException e) {
    return EngineAnswer.of(e)
        .map(
            answer ->
                switch (answer) {
                  case EngineAnswer.Grpc grpc -> grpc.code() + ": " + grpc.message();
                  case EngineAnswer.Problem rest -> rest.status() + ": " + rest.message();
                })
        .orElseGet(e::toString);
  }

  private String variablesJson(EngineMessage message) {
    try {
      return json.writeValueAsString(message.variables());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The variables of the message " + message.messageId() + " are no JSON", e);
    }
  }

  private record Pending(
      String messageId,
      String name,
      String correlationKey,
      String variablesJson,
      Duration timeToLive,
      int claim,
      int failures,
      boolean sent) {}
}
