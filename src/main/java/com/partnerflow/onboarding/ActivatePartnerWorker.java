package com.partnerflow.onboarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code onboarding.activate-partner}: creates the partner and its admin account; idempotent, so a
 * retried job creates nothing twice.
 */
@Component
public class ActivatePartnerWorker {

  private final PartnerActivation activation;

  ActivatePartnerWorker(PartnerActivation activation) {
    this.activation = activation;
  }

  @JobWorker(type = OnboardingProcess.ACTIVATE_PARTNER)
  public Map<String, Object> activate(ActivatedJob job) {
    PartnerActivation.Activated activated =
        activation.activate((String) job.getVariablesAsMap().get("applicationId"));
    return Map.of("partnerId", activated.partnerId(), "adminUsername", activated.adminUsername());
  }
}
