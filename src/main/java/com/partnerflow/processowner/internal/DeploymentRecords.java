package com.partnerflow.processowner.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The deployment history, newest first. */
public interface DeploymentRecords extends JpaRepository<DeploymentRecord, Long> {

  List<DeploymentRecord> findAllByOrderByDeployedAtDescIdDesc(Pageable page);

  List<DeploymentRecord> findAllByOutcomeOrderByDeployedAtAscIdAsc(
      DeploymentRecord.Outcome outcome);

  /**
   * What the engine accepted through the service: every deployed definition with its deployment.
   */
  @Query(
      "select new com.partnerflow.processowner.internal.DeployedVersion(r.kind, r.definitionId,"
          + " r.version, r.definitionKey, r.resourceName, d.deployedAt, d.deployedBy)"
          + " from DeploymentRecord d join d.resources r"
          + " where d.outcome = com.partnerflow.processowner.internal.DeploymentRecord.Outcome.DEPLOYED")
  List<DeployedVersion> deployedVersions();

  /**
   * The decisions deployed together with a process definition through the service: what its
   * business rule tasks bound to their deployment evaluate.
   */
  @Query(
      "select new com.partnerflow.processowner.internal.DeployedVersion(r.kind, r.definitionId,"
          + " r.version, r.definitionKey, r.resourceName, d.deployedAt, d.deployedBy)"
          + " from DeploymentRecord d join d.resources r join d.resources p"
          + " where d.outcome = com.partnerflow.processowner.internal.DeploymentRecord.Outcome.DEPLOYED"
          + " and p.kind = 'process' and p.definitionKey = :processDefinitionKey"
          + " and r.kind = 'decision'")
  List<DeployedVersion> decisionsDeployedWith(long processDefinitionKey);
}
