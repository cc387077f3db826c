package com.partnerflow.engine;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Arrays;
import org.aspectj.lang.ProceedingJoinPoint;

/** The job a {@code @JobWorker} method is called with, for the aspects around the workers. */
final class JobArgument {

  private JobArgument() {}

  /** The call's {@link ActivatedJob} argument, or {@code null} when the method takes none. */
  static ActivatedJob of(ProceedingJoinPoint call) {
    return Arrays.stream(call.getArgs())
        .filter(ActivatedJob.class::isInstance)
        .map(ActivatedJob.class::cast)
        .findFirst()
        .orElse(null);
  }
}
