package com.partnerflow.task;

import com.partnerflow.identity.PartnerflowUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The open task count of the top bar, read by the layout as {@code @taskCount.open(principal)}: one
 * count query, only when a page is rendered for a signed-in user.
 */
@Component("taskCount")
class TaskCount {

  private static final Logger log = LoggerFactory.getLogger(TaskCount.class);

  private final TaskList list;

  TaskCount(TaskList list) {
    this.list = list;
  }

  /** How many open tasks the user may see; null when unknown, so the page still renders. */
  public Long open(Object principal) {
    if (!(principal instanceof PartnerflowUser user)) {
      return null;
    }
    try {
      return list.visibleTasks(new TaskList.Filter(null, null, null, null, 0, 1, null), user)
          .total();
    } catch (RuntimeException e) {
      log.debug("Open task count unavailable", e);
      return null;
    }
  }
}
