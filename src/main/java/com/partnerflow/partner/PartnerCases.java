package com.partnerflow.partner;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.TaskCase;
import com.partnerflow.task.TaskCaseSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Names the partner behind a task's {@code partnerId}: its name and its page. */
@Component
class PartnerCases implements TaskCaseSource {

  private final Partners partners;

  PartnerCases(Partners partners) {
    this.partners = partners;
  }

  @Override
  public Optional<TaskCase> caseOf(String contextKey, String id, PartnerflowUser user) {
    if (!"partnerId".equals(contextKey) || (user.isPartnerUser() && !id.equals(user.partnerId()))) {
      return Optional.empty();
    }
    return partners
        .findById(id)
        .map(p -> new TaskCase("Partner", p.getName(), "/partners/" + p.getId()));
  }
}
