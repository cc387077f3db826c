package com.partnerflow.task;

import java.util.Map;

/**
 * The engine side of human tasks. Today's adapter works with job-worker user tasks on both the
 * embedded engine (gRPC) and a cluster (gRPC or REST); a move to Camunda user tasks replaces only
 * the adapter.
 */
public interface HumanTaskGateway {

  /**
   * Completes the task in the engine with these variables.
   *
   * @throws TaskVanishedException when the engine no longer has the task
   */
  void complete(long taskId, Map<String, Object> variables);

  /**
   * Whether the engine still has the task. Also renews the task's lease, so a task can wait for
   * people as long as it needs to.
   */
  boolean stillExists(long taskId);
}
