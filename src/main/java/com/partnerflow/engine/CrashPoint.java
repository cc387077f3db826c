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
 * whichever instance takes it: what that step wrote must not be written twice.
 *
 * <p>Two more points stop a person's task completion in flight, after it won the task: {@value
 * #COMPLETION_BEFORE_ENGINE} before the completion is sent to the engine, {@value
 * #COMPLETION_AFTER_ENGINE} after the engine took it and before the inbox records it. Only the
 * first point reached of all those armed stops. Unset (always, outside the tier) this bean does not
 * exist.
 */
@Aspect
@Component
@ConditionalOnProperty(prefix = "partnerflow.engine", name = "crash-point")
class CrashPoint {

  static final String REACHED = "Crash point reached";
  static final String COMPLETION_BEFORE_ENGINE = "task-completion.before-engine";
  static final String COMPLETION_AFTER_ENGINE = "task-completion.after-engine";

  private static final Logger log = LoggerFactory.getLogger(CrashPoint.class);

  private final java.util.Set<String> points;
  private final AtomicBoolean reached = new AtomicBoolean();
  private final CountDownLatch never = new CountDownLatch(1);

  CrashPoint(@Value("${partnerflow.engine.crash-point}") java.util.Set<String> points) {
    this.points = java.util.Set.copyOf(points);
    log.warn("Crash point armed: the first of {} reached stops there", points);
  }

  @Around("@annotation(io.camunda.client.annotation.JobWorker)")
  Object stopAfterTheWork(ProceedingJoinPoint call) throws Throwable {
    Object result = call.proceed();
    ActivatedJob job = JobArgument.of(call);
    if (job != null && stopsAt(job.getType())) {
      stop(
          job.getType(),
          "job " + job.getKey() + " of instance " + job.getProcessInstanceKey(),
          "did its work and is not completed");
    }
    return result;
  }

  /** The engine side of a person's task completion (the task module's gateway). */
  @Around("execution(* com.partnerflow.task.HumanTaskGateway+.complete(..))")
  Object stopATaskCompletion(ProceedingJoinPoint call) throws Throwable {
    Object task = call.getArgs()[0];
    if (stopsAt(COMPLETION_BEFORE_ENGINE)) {
      stop(COMPLETION_BEFORE_ENGINE, "task " + task, "won by its user, not sent to the engine");
    }
    Object result = call.proceed();
    if (stopsAt(COMPLETION_AFTER_ENGINE)) {
      stop(COMPLETION_AFTER_ENGINE, "task " + task, "taken by the engine, not recorded");
    }
    return result;
  }

  private boolean stopsAt(String point) {
    return points.contains(point) && reached.compareAndSet(false, true);
  }

  private void stop(String point, String what, String state) throws InterruptedException {
    log.warn("{} at {}: {} {}", REACHED, point, what, state);
    never.await();
  }
}
