package com.partnerflow.processowner.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One deployment a process owner made or tried through the service, kept as history. */
@Entity
@Table(name = "process_deployment")
public class DeploymentRecord {

  /** Whether the files reached the engine. */
  public enum Outcome {
    DEPLOYED,
    REFUSED
  }

  /** An uploaded file as it was sent. */
  @Embeddable
  public record File(
      String resourceName,
      String sha256,
      int sizeBytes,
      @Column(name = "content") String content) {}

  /** A definition the engine made of the files. */
  @Embeddable
  public record Resource(
      String kind, String definitionId, int version, long definitionKey, String resourceName) {}

  /** A finding, as stored. */
  @Embeddable
  public record StoredFinding(
      String severity,
      String resourceName,
      String elementId,
      @Column(name = "rule_name") String rule,
      String message) {

    Finding finding() {
      return new Finding(severity, resourceName, elementId, rule, message);
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long deploymentKey;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  private String deployedBy;
  private Instant deployedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "process_deployment_file",
      joinColumns = @JoinColumn(name = "deployment_id"))
  @OrderColumn(name = "seq")
  private List<File> files = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "process_deployment_resource",
      joinColumns = @JoinColumn(name = "deployment_id"))
  @OrderColumn(name = "seq")
  private List<Resource> resources = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "process_deployment_finding",
      joinColumns = @JoinColumn(name = "deployment_id"))
  @OrderColumn(name = "seq")
  private List<StoredFinding> findings = new ArrayList<>();

  protected DeploymentRecord() {}

  public DeploymentRecord(
      Outcome outcome,
      Long deploymentKey,
      String deployedBy,
      Instant deployedAt,
      List<File> files,
      List<Resource> resources,
      List<Finding> findings) {
    this.outcome = outcome;
    this.deploymentKey = deploymentKey;
    this.deployedBy = deployedBy;
    this.deployedAt = deployedAt;
    this.files = new ArrayList<>(files);
    this.resources = new ArrayList<>(resources);
    this.findings =
        new ArrayList<>(
            findings.stream()
                .map(
                    f ->
                        new StoredFinding(
                            f.severity(),
                            f.resourceName(),
                            f.elementId(),
                            f.rule(),
                            truncate(f.message())))
                .toList());
  }

  private static String truncate(String message) {
    return message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
  }

  public Long getId() {
    return id;
  }

  public Long getDeploymentKey() {
    return deploymentKey;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getDeployedBy() {
    return deployedBy;
  }

  public Instant getDeployedAt() {
    return deployedAt;
  }

  public List<File> getFiles() {
    return List.copyOf(files);
  }

  public List<Resource> getResources() {
    return List.copyOf(resources);
  }

  public List<Finding> getFindings() {
    return findings.stream().map(StoredFinding::finding).toList();
  }
}
