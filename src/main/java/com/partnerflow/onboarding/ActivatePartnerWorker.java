package com.partnerflow.onboarding;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code onboarding.activate-partner}: creates the partner, its admin account and the current fund
 * period's budget from the tier's annual allocation; idempotent, so a retried job creates nothing
 * twice.
 */
@Component
public class ActivatePartnerWorker {

  private final PartnerActivation activation;

  ActivatePartnerWorker(PartnerActivation activation) {
    this.activation = activation;
  }

  @WorkerVariables(
      requires = {"applicationId", "tierBenefits"},
      produces = {"partnerId", "adminUsername"})
  @JobWorker(type = OnboardingProcess.ACTIVATE_PARTNER)
  public Map<String, Object> activate(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    Object benefits = variables.get("tierBenefits");
    Object annual = benefits instanceof Map<?, ?> map ? map.get("annualAllocation") : null;
    if (annual == null) {
      throw new IllegalStateException("tierBenefits.annualAllocation is missing");
    }
    PartnerActivation.Activated activated =
        activation.activate(
            (String) variables.get("applicationId"), new BigDecimal(annual.toString()));
    return Map.of("partnerId", activated.partnerId(), "adminUsername", activated.adminUsername());
  }
}
