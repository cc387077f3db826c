package com.partnerflow.dispute;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.TaskCase;
import com.partnerflow.task.TaskCaseSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Names the dispute a task's {@code disputeId} points to. */
@Component
class DisputeCases implements TaskCaseSource {

  private final Disputes disputes;

  DisputeCases(Disputes disputes) {
    this.disputes = disputes;
  }

  @Override
  public Optional<TaskCase> caseOf(String contextKey, String id, PartnerflowUser user) {
    if (!"disputeId".equals(contextKey)) {
      return Optional.empty();
    }
    return disputes
        .findById(id)
        .filter(d -> !user.isPartnerUser() || d.getPartnerId().equals(user.partnerId()))
        .map(
            d ->
                new TaskCase(
                    "Dispute",
                    "Dispute of "
                        + DisputeSubjects.label(d.getSubjectType()).toLowerCase()
                        + " ("
                        + d.getDisputedAmount().toPlainString()
                        + " "
                        + d.getCurrency()
                        + ")",
                    "/api/disputes/" + d.getId()));
  }
}
