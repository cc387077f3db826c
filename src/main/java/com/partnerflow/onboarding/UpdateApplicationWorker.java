package com.partnerflow.onboarding;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code onboarding.update-application}: moves the application to the status the diagram names
 * (task header {@code status}) and records the step (header {@code action}); the header {@code
 * detailVariable} names the variable that explains it. A proposed tier in the variables is stored.
 */
@Component
public class UpdateApplicationWorker {

  private final ApplicationRecords records;

  UpdateApplicationWorker(ApplicationRecords records) {
    this.records = records;
  }

  @WorkerVariables(requires = "applicationId")
  @JobWorker(type = OnboardingProcess.UPDATE_APPLICATION)
  public void update(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    Map<String, String> headers = job.getCustomHeaders();
    ApplicationStatus status = ApplicationStatus.valueOf(headers.get("status"));
    String detailVariable = headers.get("detailVariable");
    Object detail = detailVariable == null ? null : variables.get(detailVariable);
    Object proposedTier = variables.get("proposedTier");
    records.change(
        (String) variables.get("applicationId"),
        headers.getOrDefault("action", status.name()),
        ApplicationRecords.SYSTEM,
        detail == null ? null : detail.toString(),
        a -> {
          a.moveTo(status);
          if (proposedTier != null && a.getProposedTier() == null) {
            a.proposeTier(proposedTier.toString());
          }
        });
  }
}
