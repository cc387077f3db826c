package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.Set;
import org.aspectj.lang.ProceedingJoinPoint;
import org.junit.jupiter.api.Test;

class CrashPointTest {

  private final CrashPoint crashPoint =
      new CrashPoint(Set.of("disbursement.record-payment", "disbursement.send-payment-batch"));

  @Test
  void theFirstArmedJobStopsAfterItsWorkAndEveryOtherJobPasses() throws Throwable {
    ProceedingJoinPoint other = call("disbursement.instruct-payment");
    assertThat(crashPoint.stopAfterTheWork(other)).isEqualTo("done");

    ProceedingJoinPoint first = call("disbursement.record-payment");
    Thread worker = stopInBackground(() -> crashPoint.stopAfterTheWork(first));

    // Its work is done, and then it waits for the kill instead of completing the job.
    await().atMost(Duration.ofSeconds(5)).until(() -> worker.getState() == Thread.State.WAITING);
    verify(first).proceed();
    // Only the first job of the instance stops; a later one of an armed type runs through.
    assertThat(crashPoint.stopAfterTheWork(call("disbursement.send-payment-batch")))
        .isEqualTo("done");
  }

  @Test
  void aTaskCompletionStopsBeforeTheEngineOrAfterItTookIt() throws Throwable {
    CrashPoint before = new CrashPoint(Set.of(CrashPoint.COMPLETION_BEFORE_ENGINE));
    ProceedingJoinPoint stopped = completion(7L);
    Thread person = stopInBackground(() -> before.stopATaskCompletion(stopped));
    await().atMost(Duration.ofSeconds(5)).until(() -> person.getState() == Thread.State.WAITING);
    verify(stopped, never()).proceed();

    CrashPoint after = new CrashPoint(Set.of(CrashPoint.COMPLETION_AFTER_ENGINE));
    ProceedingJoinPoint sent = completion(8L);
    Thread other = stopInBackground(() -> after.stopATaskCompletion(sent));
    await().atMost(Duration.ofSeconds(5)).until(() -> other.getState() == Thread.State.WAITING);
    verify(sent).proceed();
    // Once one point stopped, every later completion runs through.
    ProceedingJoinPoint later = completion(9L);
    after.stopATaskCompletion(later);
    verify(later).proceed();
  }

  interface Stoppable {
    Object run() throws Throwable;
  }

  private static Thread stopInBackground(Stoppable call) {
    Thread thread =
        new Thread(
            () -> {
              try {
                call.run();
              } catch (Throwable e) {
                throw new IllegalStateException(e);
              }
            });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static ProceedingJoinPoint completion(long taskId) throws Throwable {
    ProceedingJoinPoint call = mock(ProceedingJoinPoint.class);
    when(call.getArgs()).thenReturn(new Object[] {taskId, java.util.Map.of()});
    when(call.proceed()).thenReturn(null);
    return call;
  }

  private static ProceedingJoinPoint call(String jobType) throws Throwable {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getType()).thenReturn(jobType);
    ProceedingJoinPoint call = mock(ProceedingJoinPoint.class);
    when(call.getArgs()).thenReturn(new Object[] {job});
    when(call.proceed()).thenReturn("done");
    return call;
  }
}
