package com.partnerflow.engine;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Fails a job whose worker threw a technical exception with a backoff that grows with each failure
 * of the same job ({@link JobRetryProperties}), so that a step's retries span an outage of minutes
 * (a mail server, a bank API) instead of running out within seconds. BPMN errors and explicit job
 * errors are the worker's own answer and are passed on unchanged. Replaces the starter's strategy,
 * which fails every job with the same fixed backoff.
 */
@Component
class JobFailureHandling implements JobExceptionHandlingStrategy {

  private static final Logger log = LoggerFactory.getLogger(JobFailureHandling.class);

  private final JobExceptionHandlingStrategy starterStrategy;
  private final JobFailures failures;
  private final JobRetryProperties retry;

  @Autowired
  JobFailureHandling(
      CommandExceptionHandlingStrategy commandExceptionHandling,
      MetricsRecorder metricsRecorder,
      JobFailures failures,
      JobRetryProperties retry) {
    this(
        new DefaultJobExceptionHandlingStrategy(commandExceptionHandling, metricsRecorder),
        failures,
        retry);
  }

  JobFailureHandling(
      JobExceptionHandlingStrategy starterStrategy,
      JobFailures failures,
      JobRetryProperties retry) {
    this.starterStrategy = starterStrategy;
    this.failures = failures;
    this.retry = retry;
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context)
      throws Exception {
    if (exception instanceof BpmnError || exception instanceof JobError) {
      starterStrategy.handleException(exception, context);
      return;
    }
    ActivatedJob job = context.job();
    String message = describe(exception);
    Duration backoff = retry.backoffAfter(failuresOf(job, message));
    int retriesLeft = Math.max(0, job.getRetries() - 1);
    log.warn(
        "Job {} ({}) failed, {} retries left, next attempt in {}: {}",
        job.getKey(),
        job.getType(),
        retriesLeft,
        backoff,
        message);
    starterStrategy.handleException(
        CamundaError.jobError(message, null, retriesLeft, backoff, exception), context);
  }

  private int failuresOf(ActivatedJob job, String message) {
    try {
      return failures.record(job, message);
    } catch (DataAccessException | TransactionException e) {
      // The database may be what failed the job (no connection is a TransactionException): fail it
      // all the same, with the first backoff, so it never waits for its timeout instead.
      log.warn("Could not count the failures of job {}: {}", job.getKey(), e.getMessage());
      return 1;
    }
  }

  /** The exception and its root cause in one line, for the incident and the log. */
  static String describe(Exception exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = exception.getClass().getSimpleName() + ": " + exception.getMessage();
    return root == exception
        ? text
        : text + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }
}
