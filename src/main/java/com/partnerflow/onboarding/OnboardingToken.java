package com.partnerflow.onboarding;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mailed single-use link; only the SHA-256 of its token is stored. */
@Entity
@Table(name = "onboarding_token")
class OnboardingToken {

  enum Purpose {
    APPLICANT_TASK,
    SET_PASSWORD
  }

  @Id private String tokenHash;

  @Enumerated(EnumType.STRING)
  private Purpose purpose;

  private String applicationId;
  private String elementId;
  private String username;
  private Instant expiresAt;
  private Instant usedAt;
  private Instant createdAt;

  protected OnboardingToken() {}

  OnboardingToken(
      String tokenHash,
      Purpose purpose,
      String applicationId,
      String elementId,
      String username,
      Instant expiresAt,
      Instant now) {
    this.tokenHash = tokenHash;
    this.purpose = purpose;
    this.applicationId = applicationId;
    this.elementId = elementId;
    this.username = username;
    this.expiresAt = expiresAt;
    this.createdAt = now;
  }

  Purpose getPurpose() {
    return purpose;
  }

  String getTokenHash() {
    return tokenHash;
  }

  String getApplicationId() {
    return applicationId;
  }

  String getElementId() {
    return elementId;
  }

  String getUsername() {
    return username;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }

  Instant getUsedAt() {
    return usedAt;
  }
}
