package com.partnerflow.insights;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The breaches program-health runs found, one per fund period and metric (V19): the unique key
 * makes a breach known to every later run of the period.
 */
@Component
class ProgramHealthBreaches {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  ProgramHealthBreaches(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records the breach unless the period has one of this metric already.
   *
   * @param elementInstanceKey the recording job's element instance: the same job delivered again
   *     finds its own row and is told the breach is new, as the first delivery was
   * @return whether this element instance recorded the breach
   */
  boolean record(
      String period,
      String metric,
      BigDecimal figure,
      BigDecimal threshold,
      long elementInstanceKey) {
    try {
      jdbc.update(
          "INSERT INTO insights_program_health_breach (period, metric, figure, threshold,"
              + " detected_at, element_instance_key) VALUES (:period, :metric, :figure,"
              + " :threshold, :at, :key)",
          new MapSqlParameterSource()
              .addValue("period", period)
              .addValue("metric", metric)
              .addValue("figure", figure)
              .addValue("threshold", threshold)
              .addValue(
                  "at", Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
              .addValue("key", elementInstanceKey));
      return true;
    } catch (DuplicateKeyException known) {
      Long recordedBy =
          jdbc.queryForObject(
              "SELECT element_instance_key FROM insights_program_health_breach WHERE period ="
                  + " :period AND metric = :metric",
              new MapSqlParameterSource().addValue("period", period).addValue("metric", metric),
              Long.class);
      return recordedBy != null && recordedBy == elementInstanceKey;
    }
  }
}
