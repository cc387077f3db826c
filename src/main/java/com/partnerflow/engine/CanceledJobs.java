package com.partnerflow.engine;

import java.util.List;

/**
 * Jobs that the engine cancelled because their element ended without them: a boundary event
 * interrupted the task, or the instance was cancelled. Known only where the service reads the
 * engine's records, i.e. in the embedded mode; a cluster's records go to its exporters instead.
 */
public interface CanceledJobs {

  /**
   * Keys of the jobs of {@code jobType} that were cancelled since the previous call with that job
   * type (since the engine started, on the first call).
   */
  List<Long> takeCanceled(String jobType);
}
