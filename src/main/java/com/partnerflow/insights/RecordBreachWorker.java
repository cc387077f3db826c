package com.partnerflow.insights;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code insights.record-breach}: records the breach once per fund period and metric; {@code
 * breachNew} is true for the run that recorded it (also when its job is delivered again).
 */
@Component
public class RecordBreachWorker {

  private final ProgramHealth health;

  RecordBreachWorker(ProgramHealth health) {
    this.health = health;
  }

  @WorkerVariables(
      requires = {ProgramHealthProcess.BREACH, ProgramHealthProcess.PROGRAM_HEALTH},
      produces = ProgramHealthProcess.BREACH_NEW)
  @JobWorker(type = ProgramHealthProcess.RECORD_BREACH)
  public Map<String, Object> record(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    return Map.of(
        ProgramHealthProcess.BREACH_NEW,
        health.record(
            periodOf(variables),
            ProgramHealth.Breach.of(variables.get(ProgramHealthProcess.BREACH)),
            job.getElementInstanceKey()));
  }

  /** The measured fund period ({@code programHealth.fundPeriod}). */
  static String periodOf(Map<String, Object> variables) {
    if (variables.get(ProgramHealthProcess.PROGRAM_HEALTH) instanceof Map<?, ?> figures
        && figures.get("fundPeriod") != null) {
      return figures.get("fundPeriod").toString();
    }
    throw new IllegalArgumentException("programHealth.fundPeriod is missing");
  }
}
