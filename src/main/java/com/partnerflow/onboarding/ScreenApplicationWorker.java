package com.partnerflow.onboarding;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.onboarding.ApplicationScreening.KnownPartner;
import com.partnerflow.partner.Partners;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code onboarding.screen-application}: screens the application and stores the outcome. */
@Component
public class ScreenApplicationWorker {

  private final ApplicationRecords records;
  private final Partners partners;
  private final DeniedPartyList deniedParties;

  ScreenApplicationWorker(
      ApplicationRecords records, Partners partners, DeniedPartyList deniedParties) {
    this.records = records;
    this.partners = partners;
    this.deniedParties = deniedParties;
  }

  @WorkerVariables(
      requires = "applicationId",
      produces = {"screeningOutcome", "screeningReasons"})
  @JobWorker(type = OnboardingProcess.SCREEN_APPLICATION)
  public Map<String, Object> screen(ActivatedJob job) {
    String id = (String) job.getVariablesAsMap().get("applicationId");
    PartnerApplication application = records.get(id);
    ScreeningResult result =
        ApplicationScreening.screen(
            application.getCompanyName(),
            application.getDomain(),
            application.getContactEmail(),
            partners.findAll().stream()
                .map(p -> new KnownPartner(p.getName(), p.getDomain()))
                .toList(),
            deniedParties.current());
    String reasons = String.join("; ", result.reasons());
    records.change(
        id,
        "SCREENED",
        ApplicationRecords.SYSTEM,
        result.outcome() + (reasons.isEmpty() ? "" : ": " + reasons),
        a -> a.screened(result.outcome().name(), reasons));
    return Map.of("screeningOutcome", result.outcome().name(), "screeningReasons", reasons);
  }
}
