package com.partnerflow.onboarding;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.TaskCase;
import com.partnerflow.task.TaskCaseSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Names the partner application behind a task's {@code applicationId}: the applicant's company,
 * with a link to the application page for the users who may read it.
 */
@Component
class ApplicationCases implements TaskCaseSource {

  private final PartnerApplications applications;

  ApplicationCases(PartnerApplications applications) {
    this.applications = applications;
  }

  @Override
  public Optional<TaskCase> caseOf(String contextKey, String id, PartnerflowUser user) {
    if (!"applicationId".equals(contextKey)) {
      return Optional.empty();
    }
    boolean reader = ApplicationController.mayRead(user);
    return applications
        .findById(id)
        .filter(
            a -> reader || (a.getPartnerId() != null && a.getPartnerId().equals(user.partnerId())))
        .map(
            a ->
                new TaskCase(
                    "Application",
                    a.getCompanyName(),
                    reader ? "/partner-applications/" + a.getId() : null));
  }
}
