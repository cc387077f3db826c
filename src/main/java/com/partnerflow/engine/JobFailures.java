package com.partnerflow.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the technical failures of each job in the database, so that the backoff keeps growing
 * whichever service instance works the job next, also after a restart.
 */
@Component
public class JobFailures {

  private static final int ERROR_LENGTH = 1000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  JobFailures(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Records one more failure of the job and answers how many it has had, this one included. */
  int record(ActivatedJob job, String error) {
    Timestamp now = Timestamp.from(clock.instant());
    String message = truncate(error);
    Integer failures =
        transaction.execute(
            status -> {
              int updated =
                  jdbc.update(
                      "UPDATE job_failure SET failures = failures + 1, last_error = ?,"
                          + " last_failed_at = ? WHERE job_key = ?",
                      message,
                      now,
                      job.getKey());
              if (updated == 0) {
                jdbc.update(
                    "INSERT INTO job_failure (job_key, job_type, process_instance_key, element_id,"
                        + " failures, last_error, first_failed_at, last_failed_at)"
                        + " VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
                    job.getKey(),
                    job.getType(),
                    job.getProcessInstanceKey(),
                    job.getElementId(),
                    message,
                    now,
                    now);
              }
              return jdbc.queryForObject(
                  "SELECT failures FROM job_failure WHERE job_key = ?",
                  Integer.class,
                  job.getKey());
            });
    return failures == null ? 1 : failures;
  }

  /**
   * Starts the job's backoff afresh: a process owner retried it by hand after fixing the cause, so
   * its next failure waits the first backoff again, not the longest.
   */
  public void forget(long jobKey) {
    jdbc.update("DELETE FROM job_failure WHERE job_key = ?", jobKey);
  }

  private static String truncate(String text) {
    if (text == null) {
      return null;
    }
    return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
  }
}
