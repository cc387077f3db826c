package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
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
    Thread worker =
        new Thread(
            () -> {
              try {
                crashPoint.stopAfterTheWork(first);
              } catch (Throwable e) {
                throw new IllegalStateException(e);
              }
            });
    worker.setDaemon(true);
    worker.start();

    // Its work is done, and then it waits for the kill instead of completing the job.
    await().atMost(Duration.ofSeconds(5)).until(() -> worker.getState() == Thread.State.WAITING);
    verify(first).proceed();
    // Only the first job of the instance stops; a later one of an armed type runs through.
    assertThat(crashPoint.stopAfterTheWork(call("disbursement.send-payment-batch")))
        .isEqualTo("done");
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
