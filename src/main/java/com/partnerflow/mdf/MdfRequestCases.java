package com.partnerflow.mdf;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.TaskCase;
import com.partnerflow.task.TaskCaseSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Names the MDF request behind a task's {@code mdfRequestId} (its title and its page) and the
 * milestone behind a {@code milestoneId} (its name, on the request's page). Partner users get only
 * their own organisation's.
 */
@Component
class MdfRequestCases implements TaskCaseSource {

  private final MdfRequests requests;

  MdfRequestCases(MdfRequests requests) {
    this.requests = requests;
  }

  @Override
  public Optional<TaskCase> caseOf(String contextKey, String id, PartnerflowUser user) {
    return switch (contextKey) {
      case "mdfRequestId" ->
          requests
              .findById(id)
              .filter(r -> visible(r, user))
              .map(r -> new TaskCase("MDF request", r.getTitle(), pageOf(r)));
      case "milestoneId" ->
          requests.findByMilestoneId(id).stream()
              .filter(r -> visible(r, user))
              .findFirst()
              .flatMap(
                  r ->
                      r.getMilestones().stream()
                          .filter(m -> id.equals(m.id()))
                          .findFirst()
                          .map(m -> new TaskCase("Milestone", m.name(), pageOf(r))));
      default -> Optional.empty();
    };
  }

  private static boolean visible(MdfRequest r, PartnerflowUser user) {
    return !user.isPartnerUser() || r.getPartnerId().equals(user.partnerId());
  }

  private static String pageOf(MdfRequest r) {
    return "/mdf-requests/" + r.getId();
  }
}
