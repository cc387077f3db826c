package com.partnerflow.task;

import com.partnerflow.common.ForbiddenException;
import com.partnerflow.identity.PartnerflowUser;
import java.util.List;
import java.util.Set;

/**
 * Who may see and work a task. Internal users: a candidate group of theirs, or assigned to or
 * candidate for them; partner users additionally only within their own partner organisation;
 * admins: everything.
 */
final class TaskVisibility {

  private TaskVisibility() {}

  /** The groups a user acts in for tasks: their own, or their partner's task group. */
  static Set<String> taskGroupsOf(PartnerflowUser user) {
    return user.isPartnerUser()
        ? Set.of(UserTaskJob.PARTNER_GROUP_PREFIX + user.partnerId())
        : user.groups();
  }

  static boolean canSee(PartnerflowUser user, InboxTask task) {
    if (user.isAdmin()) {
      return true;
    }
    if (user.isPartnerUser() && !user.partnerId().equals(task.getPartnerId())) {
      return false;
    }
    return user.username().equals(task.getAssignee()) || isNamedCandidate(user, task);
  }

  /** Candidates may claim; the assignee may complete. Excluded users are never candidates. */
  static boolean isCandidate(PartnerflowUser user, InboxTask task) {
    return !isExcluded(user, task) && isNamedCandidate(user, task);
  }

  /**
   * Named by the task's candidate users or groups, excluded or not: excluded users still see the
   * task (and get 403 working on it), they just cannot claim it.
   */
  private static boolean isNamedCandidate(PartnerflowUser user, InboxTask task) {
    if (task.getCandidateUsers().contains(user.username())) {
      return true;
    }
    Set<String> groups = taskGroupsOf(user);
    return task.getCandidateGroups().stream().anyMatch(groups::contains);
  }

  /** Whether the task names the user as excluded (separation of duties). */
  static boolean isExcluded(PartnerflowUser user, InboxTask task) {
    return task.getExcludedUsers().contains(user.username());
  }

  /** Excluded users may see a task of their group but neither claim nor complete it: 403. */
  static void requireNotExcluded(PartnerflowUser user, InboxTask task) {
    if (isExcluded(user, task)) {
      throw new ForbiddenException(
          user.username()
              + " took part in the decision task "
              + task.getId()
              + " reviews and may not work on it (separation of duties)");
    }
  }

  static List<String> groupsForQuery(PartnerflowUser user) {
    Set<String> groups = taskGroupsOf(user);
    // An empty IN list is not valid SQL everywhere; a group nobody has keeps the query simple.
    return groups.isEmpty() ? List.of("\u0000none") : List.copyOf(groups);
  }
}
