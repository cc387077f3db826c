package com.partnerflow.insights;

import com.partnerflow.insights.InsightsViews.Review;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The append-only record of who reviewed a period's reconciliation, and when (V18). */
@Component
class ReconciliationReviews {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  ReconciliationReviews(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Review record(String period, String reviewer, String note, int partners) {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    jdbc.update(
        "INSERT INTO insights_reconciliation_review (period, reviewed_by, reviewed_at, note,"
            + " partners) VALUES (:period, :by, :at, :note, :partners)",
        new MapSqlParameterSource()
            .addValue("period", period)
            .addValue("by", reviewer)
            .addValue("at", Timestamp.valueOf(now))
            .addValue("note", note)
            .addValue("partners", partners));
    return new Review(period, reviewer, now.toInstant(ZoneOffset.UTC), note);
  }

  /** The period's reviews, the latest first. */
  List<Review> of(String period) {
    return jdbc.query(
        "SELECT period, reviewed_by, reviewed_at, note FROM insights_reconciliation_review"
            + " WHERE period = :period ORDER BY reviewed_at DESC, id DESC",
        new MapSqlParameterSource("period", period),
        (rs, i) ->
            new Review(
                rs.getString(1),
                rs.getString(2),
                rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString(4)));
  }
}
