package com.partnerflow.insights;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code insights.mail-breach}: mails the new breach to partner-managers, once per fund period and
 * metric (a redelivered job sends nothing again); an SMTP failure fails the job with retries.
 */
@Component
public class MailBreachWorker {

  private final ProgramHealth health;

  MailBreachWorker(ProgramHealth health) {
    this.health = health;
  }

  @WorkerVariables(requires = {ProgramHealthProcess.BREACH, ProgramHealthProcess.PROGRAM_HEALTH})
  @JobWorker(type = ProgramHealthProcess.MAIL_BREACH)
  public void mail(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    health.mail(
        RecordBreachWorker.periodOf(variables),
        ProgramHealth.Breach.of(variables.get(ProgramHealthProcess.BREACH)));
  }
}
