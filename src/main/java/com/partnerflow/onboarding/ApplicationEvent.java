package com.partnerflow.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an application's audit trail: who did what, when and why. */
@Entity
@Table(name = "partner_application_event")
class ApplicationEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String applicationId;
  private String action;
  private String actor;
  private String detail;

  @Column(name = "occurred_at")
  private Instant at;

  protected ApplicationEvent() {}

  ApplicationEvent(String applicationId, String action, String actor, String detail, Instant at) {
    this.applicationId = applicationId;
    this.action = action;
    this.actor = actor;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    this.at = at;
  }

  String getAction() {
    return action;
  }

  String getActor() {
    return actor;
  }

  String getDetail() {
    return detail;
  }

  Instant getAt() {
    return at;
  }
}
