package com.partnerflow.bench;

import com.partnerflow.engine.EngineProperties;
import com.partnerflow.task.TaskProperties;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;

/**
 * The settings that matter for throughput (README *Configuration*), as the measured service ran
 * them: each as the Spring {@link Environment} has it, or, where no property source sets it, the
 * value the bean in use took by default, marked {@code (default)}.
 */
final class ServiceKnobs {

  private ServiceKnobs() {}

  static String of(
      Environment environment,
      CamundaClient client,
      DataSource dataSource,
      TaskProperties task,
      EngineProperties engine) {
    var config = client.getConfiguration();
    Map<String, Supplier<Object>> knobs = new LinkedHashMap<>();
    knobs.put("camunda.client.execution-threads", config::getNumJobWorkerExecutionThreads);
    knobs.put(
        "camunda.client.worker.defaults.stream-enabled", config::getDefaultJobWorkerStreamEnabled);
    knobs.put(
        "camunda.client.worker.defaults.max-jobs-active", config::getDefaultJobWorkerMaxJobsActive);
    knobs.put("spring.datasource.hikari.maximum-pool-size", () -> poolSize(dataSource));
    knobs.put("partnerflow.task.liveness-interval", task::livenessInterval);
    knobs.put("partnerflow.task.liveness-batch", task::livenessBatch);
    knobs.put("partnerflow.engine.state.store", () -> engine.state().store());
    return knobs.entrySet().stream()
        .map(
            k -> {
              String set = environment.getProperty(k.getKey());
              return k.getKey() + "=" + (set != null ? set : k.getValue().get() + " (default)");
            })
        .collect(Collectors.joining(", "));
  }

  private static Object poolSize(DataSource dataSource) {
    try {
      return dataSource.isWrapperFor(HikariDataSource.class)
          ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()
          : "(not Hikari)";
    } catch (SQLException e) {
      return "(unknown: " + e.getMessage() + ")";
    }
  }
}
