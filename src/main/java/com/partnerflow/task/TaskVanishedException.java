package com.partnerflow.task;

import com.partnerflow.common.ConflictException;

/** The process moved on without this task (boundary event, cancellation); it cannot be worked. */
public class TaskVanishedException extends ConflictException {

  public TaskVanishedException(long taskId) {
    super(
        "Task "
            + taskId
            + " no longer exists in its process: it was interrupted (for example escalated by a"
            + " timer) or the case was cancelled.");
  }
}
