package com.partnerflow.engine;

import io.camunda.client.api.response.ActivatedJob;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the process instance key, job key, job type and bpmnProcessId into the logging context while
 * a {@code @JobWorker} method runs, so every log line of a worker can be traced to its instance.
 * Workers declare an {@link ActivatedJob} parameter to be traced.
 */
@Aspect
@Component
class JobWorkerLoggingContext {

  @Around("@annotation(io.camunda.client.annotation.JobWorker)")
  Object withJobContext(ProceedingJoinPoint call) throws Throwable {
    ActivatedJob job = JobArgument.of(call);
    if (job == null) {
      return call.proceed();
    }
    try (var pi =
            MDC.putCloseable("processInstanceKey", Long.toString(job.getProcessInstanceKey()));
        var jk = MDC.putCloseable("jobKey", Long.toString(job.getKey()));
        var jt = MDC.putCloseable("jobType", job.getType());
        var bp = MDC.putCloseable("bpmnProcessId", job.getBpmnProcessId())) {
      return call.proceed();
    }
  }
}
