package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy.ExceptionHandlingContext;
import java.net.ConnectException;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

class JobFailureHandlingTest {

  final JobExceptionHandlingStrategy starter = mock(JobExceptionHandlingStrategy.class);
  final JobFailures failures = mock(JobFailures.class);
  final JobRetryProperties retry =
      new JobRetryProperties(Duration.ofSeconds(5), 2, Duration.ofMinutes(5));
  final JobFailureHandling handling = new JobFailureHandling(starter, failures, retry);
  final ActivatedJob job = mock(ActivatedJob.class);
  final ExceptionHandlingContext context = new ExceptionHandlingContext(null, job, null);

  @Test
  void theBackoffDoublesWithEachFailureUpToItsLongest() {
    assertThat(IntStream.rangeClosed(1, 9).mapToObj(retry::backoffAfter).map(Duration::toSeconds))
        .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L);
  }

  @Test
  void aTechnicalFailureFailsTheJobWithOneRetryLessAndTheBackoffOfItsFailureCount()
      throws Exception {
    when(job.getRetries()).thenReturn(6);
    IllegalStateException failure =
        new IllegalStateException("mail not sent", new ConnectException("refused"));
    when(failures.record(eq(job), any())).thenReturn(3);

    handling.handleException(failure, context);

    verify(failures)
        .record(job, "IllegalStateException: mail not sent (cause: ConnectException: refused)");
    JobError passedOn = passedOn();
    assertThat(passedOn.getRetries()).isEqualTo(5);
    assertThat(passedOn.getRetryBackoff()).isEqualTo(Duration.ofSeconds(20));
    assertThat(passedOn.getErrorMessage())
        .isEqualTo("IllegalStateException: mail not sent (cause: ConnectException: refused)");
    assertThat(passedOn.getCause()).isSameAs(failure);
  }

  @Test
  void theLastRetryLeavesNoneSoTheEngineRaisesAnIncident() throws Exception {
    when(job.getRetries()).thenReturn(1);
    when(failures.record(eq(job), any())).thenReturn(8);

    handling.handleException(new IllegalStateException("still down"), context);

    assertThat(passedOn().getRetries()).isZero();
    assertThat(passedOn().getRetryBackoff()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aJobIsFailedWithTheFirstBackoffWhenItsFailuresCannotBeCounted() throws Exception {
    when(job.getRetries()).thenReturn(8);
    when(failures.record(eq(job), any()))
        .thenThrow(new DataAccessResourceFailureException("database down"));

    handling.handleException(new IllegalStateException("database down"), context);

    assertThat(passedOn().getRetries()).isEqualTo(7);
    assertThat(passedOn().getRetryBackoff()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aJobIsFailedWithTheFirstBackoffWhenNoTransactionCanBeOpened() throws Exception {
    when(job.getRetries()).thenReturn(8);
    when(failures.record(eq(job), any()))
        .thenThrow(new CannotCreateTransactionException("no connection"));

    handling.handleException(new IllegalStateException("database down"), context);

    assertThat(passedOn().getRetries()).isEqualTo(7);
    assertThat(passedOn().getRetryBackoff()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void bpmnErrorsAndExplicitJobErrorsArePassedOnUnchanged() throws Exception {
    BpmnError business = new BpmnError("INSUFFICIENT_FUNDS", "balance too small", null, null);
    JobError explicit = new JobError("explicit");

    handling.handleException(business, context);
    handling.handleException(explicit, context);

    verify(starter).handleException(business, context);
    verify(starter).handleException(explicit, context);
    verifyNoInteractions(failures);
  }

  @Test
  void settingsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> new JobRetryProperties(Duration.ZERO, 2, Duration.ofMinutes(5)))
        .hasMessageContaining("initial-backoff");
    assertThatThrownBy(
            () -> new JobRetryProperties(Duration.ofSeconds(5), 0.5, Duration.ofMinutes(5)))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(
            () -> new JobRetryProperties(Duration.ofSeconds(5), 2, Duration.ofSeconds(1)))
        .hasMessageContaining("max-backoff");
  }

  private JobError passedOn() throws Exception {
    ArgumentCaptor<Exception> passed = ArgumentCaptor.forClass(Exception.class);
    verify(starter, atLeastOnce()).handleException(passed.capture(), eq(context));
    assertThat(passed.getValue()).isInstanceOf(JobError.class);
    return (JobError) passed.getValue();
  }
}
