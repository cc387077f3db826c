package com.partnerflow.processowner;

import com.partnerflow.processowner.internal.DeploymentRecord;

/** The check or the engine found errors; nothing was deployed. The attempt is in the history. */
class DeploymentRefused extends RuntimeException {

  private final transient DeploymentRecord record;

  DeploymentRefused(DeploymentRecord record) {
    super("The deployment was refused: " + record.getFindings());
    this.record = record;
  }

  DeploymentRecord record() {
    return record;
  }
}
