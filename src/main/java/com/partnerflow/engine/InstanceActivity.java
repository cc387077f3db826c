package com.partnerflow.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.stereotype.Component;

/**
 * Process instances in which a job of this service was just activated. A user task that a boundary
 * event interrupted is nearly always followed by work in the same instance (the escalation, a
 * reminder, the next step), so the task inbox checks the older open tasks of these instances at
 * once instead of waiting for its sweep. On a cluster, whose records are out of the service's
 * reach, this takes most interrupted tasks out of the inbox within seconds, at a cost that follows
 * the work done, not the number of open tasks.
 *
 * <p>Keys wait in memory until the inbox takes them; beyond {@value #LIMIT} between two takes,
 * further ones are left to the sweep, which checks every open task in the end anyway.
 */
@Aspect
@Component
public class InstanceActivity {

  static final int LIMIT = 10_000;

  private final Set<Long> instances = ConcurrentHashMap.newKeySet();

  @Around("@annotation(io.camunda.client.annotation.JobWorker)")
  Object recordingInstance(ProceedingJoinPoint call) throws Throwable {
    ActivatedJob job = JobArgument.of(call);
    if (job != null) {
      record(job.getProcessInstanceKey());
    }
    return call.proceed();
  }

  /** Notes that the instance just did work; for workers that are not {@code @JobWorker} methods. */
  public void record(long processInstanceKey) {
    if (instances.size() < LIMIT) {
      instances.add(processInstanceKey);
    }
  }

  /** The instances that did work since the previous call, each once. */
  public List<Long> take() {
    List<Long> taken = new ArrayList<>();
    for (Iterator<Long> it = instances.iterator(); it.hasNext(); ) {
      taken.add(it.next());
      it.remove();
    }
    return taken;
  }
}
