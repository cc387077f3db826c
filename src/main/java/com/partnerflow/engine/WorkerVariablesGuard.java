package com.partnerflow.engine;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds every job to its worker's {@link WorkerVariables}: a job without a required variable fails
 * before the worker runs, naming the variable (a diagram changed around the worker, not a bug in
 * it); a worker that sets a variable it does not declare is logged, or fails under {@code
 * partnerflow.engine.worker-variables.undeclared=fail}, which the test suites use, so the
 * declarations the compatibility check relies on stay true.
 */
@Aspect
@Component
class WorkerVariablesGuard {

  private static final Logger log = LoggerFactory.getLogger(WorkerVariablesGuard.class);

  private final WorkerVariablesProperties properties;

  WorkerVariablesGuard(WorkerVariablesProperties properties) {
    this.properties = properties;
  }

  @Around("@annotation(io.camunda.client.annotation.JobWorker)")
  Object checked(ProceedingJoinPoint call) throws Throwable {
    ActivatedJob job = JobArgument.of(call);
    Method method = ((MethodSignature) call.getSignature()).getMethod();
    WorkerVariables declared = method.getAnnotation(WorkerVariables.class);
    if (declared == null) {
      undeclared(method + " has no @WorkerVariables");
      return call.proceed();
    }
    if (job != null) {
      Map<String, Object> variables = job.getVariablesAsMap();
      List<String> missing =
          Arrays.stream(declared.requires()).filter(v -> !variables.containsKey(v)).toList();
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "The job of type '"
                + job.getType()
                + "' at element '"
                + job.getElementId()
                + "' lacks the variables "
                + missing
                + " that its worker requires");
      }
    }
    Set<String> produces = Set.of(declared.produces());
    Object result;
    try {
      result = call.proceed();
    } catch (BpmnError error) {
      if (error.getVariables() instanceof Map<?, ?> thrown) {
        checkProduced(method, thrown.keySet(), produces);
      }
      throw error;
    }
    if (result instanceof Map<?, ?> completed) {
      checkProduced(method, completed.keySet(), produces);
    } else if (result instanceof Record completed) {
      checkProduced(
          method,
          Arrays.stream(completed.getClass().getRecordComponents())
              .map(RecordComponent::getName)
              .collect(Collectors.toSet()),
          produces);
    }
    return result;
  }

  private void checkProduced(Method method, Set<?> names, Set<String> produces) {
    List<?> extra = names.stream().filter(n -> !produces.contains(String.valueOf(n))).toList();
    if (!extra.isEmpty()) {
      undeclared(method + " sets " + extra + ", which its @WorkerVariables does not declare");
    }
  }

  private void undeclared(String problem) {
    if (properties.undeclared() == WorkerVariablesProperties.Undeclared.FAIL) {
      throw new IllegalStateException(problem);
    }
    log.warn("{}: the compatibility check of new deployments cannot rely on it", problem);
  }
}
