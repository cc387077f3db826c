package com.partnerflow.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only: places a crash exactly. With {@code partnerflow.engine.crash-point} set to job types,
 * the first job of any of them does its work (its writes are committed) and then stops before the
 * job is completed, and says so in the log; the reliability tier then ends the process with {@code
 * kill -9}. The engine hands the job out again after its timeout, so the step runs a second time on
 * whichever instance takes it: what that step wrote must not be written twice. Unset (always,
 * outside the tier) this bean does not exist.
 */
@Aspect
@Component
@ConditionalOnProperty(prefix = "partnerflow.engine", name = "crash-point")
class CrashPoint {

  static final String REACHED = "Crash point reached";

  private static final Logger log = LoggerFactory.getLogger(CrashPoint.class);

  private final java.util.Set<String> jobTypes;
  private final AtomicBoolean reached = new AtomicBoolean();
  private final CountDownLatch never = new CountDownLatch(1);

  CrashPoint(@Value("${partnerflow.engine.crash-point}") java.util.Set<String> jobTypes) {
    this.jobTypes = java.util.Set.copyOf(jobTypes);
    log.warn(
        "Crash point armed: the first job of {} stops after its work, not completed", jobTypes);
  }

  @Around("@annotation(io.camunda.client.annotation.JobWorker)")
  Object stopAfterTheWork(ProceedingJoinPoint call) throws Throwable {
    Object result = call.proceed();
    ActivatedJob job = JobArgument.of(call);
    if (job != null && jobTypes.contains(job.getType()) && reached.compareAndSet(false, true)) {
      log.warn(
          "{} at {}: job {} of instance {} did its work and is not completed",
          REACHED,
          job.getType(),
          job.getKey(),
          job.getProcessInstanceKey());
      never.await();
    }
    return result;
  }
}
