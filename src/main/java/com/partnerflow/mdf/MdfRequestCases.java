package com.partnerflow.mdf;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.TaskCase;
import com.partnerflow.task.TaskCaseSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Names the MDF request behind a task's {@code mdfRequestId}: its title and its page. */
@Component
class MdfRequestCases implements TaskCaseSource {

  private final MdfRequests requests;

  MdfRequestCases(MdfRequests requests) {
    this.requests = requests;
  }

  @Override
  public Optional<TaskCase> caseOf(String contextKey, String id, PartnerflowUser user) {
    if (!"mdfRequestId".equals(contextKey)) {
      return Optional.empty();
    }
    return requests
        .findById(id)
        .filter(r -> !user.isPartnerUser() || r.getPartnerId().equals(user.partnerId()))
        .map(r -> new TaskCase("MDF request", r.getTitle(), "/mdf-requests/" + r.getId()));
  }
}
