package com.partnerflow.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The variables a {@code @JobWorker} method works with: those it cannot do without, and every one
 * it may set, when it completes the job or in a BPMN error it throws. The process owners'
 * compatibility check reads it to refuse a diagram that puts a worker where its variables do not
 * exist yet; {@link WorkerVariablesGuard} holds each job to it.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WorkerVariables {

  /** Variables the worker needs: a job without one of them fails (with retries, an incident). */
  String[] requires() default {};

  /** Every variable the worker may set (its result, and the variables of its BPMN errors). */
  String[] produces() default {};
}
