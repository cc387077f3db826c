package com.partnerflow.processowner.internal;

import io.camunda.client.annotation.JobWorker;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The job types this service works: every enabled {@code @JobWorker} method of its beans, read the
 * way the Camunda starter reads them (an empty {@code type} means the method's name). Read once, on
 * first use, when every bean is defined.
 */
@Component
public class JobWorkerTypes {

  private final ApplicationContext context;
  private volatile Set<String> types;

  JobWorkerTypes(ApplicationContext context) {
    this.context = context;
  }

  public Set<String> all() {
    Set<String> known = types;
    if (known == null) {
      known = scan();
      types = known;
    }
    return known;
  }

  private Set<String> scan() {
    Set<String> found = new TreeSet<>();
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
              found.add(worker.type().isBlank() ? method.getName() : worker.type());
            }
          });
    }
    return Set.copyOf(found);
  }
}
