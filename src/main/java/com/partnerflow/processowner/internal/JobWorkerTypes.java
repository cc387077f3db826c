package com.partnerflow.processowner.internal;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The job types this service works: every enabled {@code @JobWorker} method of its beans, read the
 * way the Camunda starter reads them (an empty {@code type} means the method's name), with the
 * variables its {@link WorkerVariables} declares. Read once, on first use, when every bean is
 * defined.
 */
@Component
public class JobWorkerTypes {

  private final ApplicationContext context;
  private volatile Map<String, WorkerContract> contracts;

  JobWorkerTypes(ApplicationContext context) {
    this.context = context;
  }

  public Set<String> all() {
    return contracts().keySet();
  }

  /** Per job type, what its worker requires and produces. */
  public Map<String, WorkerContract> contracts() {
    Map<String, WorkerContract> known = contracts;
    if (known == null) {
      known = scan();
      contracts = known;
    }
    return known;
  }

  private Map<String, WorkerContract> scan() {
    Map<String, WorkerContract> found = new TreeMap<>();
    for (String bean : context.getBeanDefinitionNames()) {
      Class<?> type = context.getType(bean, false);
      if (type == null) {
        continue;
      }
      Map<Method, JobWorker> workers =
          MethodIntrospector.selectMethods(
              ClassUtils.getUserClass(type),
              (MethodIntrospector.MetadataLookup<JobWorker>)
                  m -> AnnotatedElementUtils.findMergedAnnotation(m, JobWorker.class));
      workers.forEach(
          (method, worker) -> {
            if (worker.enabled()) {
              found.put(
                  worker.type().isBlank() ? method.getName() : worker.type(),
                  WorkerContract.of(method.getAnnotation(WorkerVariables.class)));
            }
          });
    }
    return Map.copyOf(found);
  }
}
