package com.partnerflow.engine;

import java.util.List;

/**
 * Instances the engine stopped advancing. Only the embedded engine is watched: its errors would
 * otherwise show in the log alone. A cluster reports them through its own tools (Operate, the
 * broker's log and metrics); there no bean of this type exists.
 */
public interface StuckInstances {

  /** Every instance stuck now, oldest first. */
  List<StuckInstance> current();
}
