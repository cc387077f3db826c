package com.partnerflow.insights;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code insights.measure-program-health}: the figures of the run's fund period ({@code fundPeriod}
 * when started by hand, else the current one) as {@code programHealth}. Reads only, so a
 * redelivered job measures again.
 */
@Component
public class MeasureProgramHealthWorker {

  private final ProgramHealth health;

  MeasureProgramHealthWorker(ProgramHealth health) {
    this.health = health;
  }

  @WorkerVariables(produces = ProgramHealthProcess.PROGRAM_HEALTH)
  @JobWorker(type = ProgramHealthProcess.MEASURE_PROGRAM_HEALTH)
  public Map<String, Object> measure(ActivatedJob job) {
    Object period = job.getVariablesAsMap().get(ProgramHealthProcess.FUND_PERIOD);
    return Map.of(
        ProgramHealthProcess.PROGRAM_HEALTH,
        health.measure(period == null ? null : period.toString()));
  }
}
