package com.partnerflow.disbursement;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A claim blocked as a duplicate, with the earlier claim it collides with: both are named. */
@Entity
@Table(name = "disbursement_audit_flag")
class AuditFlag {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String claimId;
  private String otherClaimId;
  private String kind;
  private String detail;
  private Instant createdAt;

  protected AuditFlag() {}

  AuditFlag(String claimId, String otherClaimId, String kind, String detail, Instant createdAt) {
    this.claimId = claimId;
    this.otherClaimId = otherClaimId;
    this.kind = kind;
    this.detail = detail;
    this.createdAt = createdAt;
  }

  String getClaimId() {
    return claimId;
  }

  String getOtherClaimId() {
    return otherClaimId;
  }

  String getKind() {
    return kind;
  }

  String getDetail() {
    return detail;
  }
}
